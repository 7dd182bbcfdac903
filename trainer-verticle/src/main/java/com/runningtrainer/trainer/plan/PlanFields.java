package com.runningtrainer.trainer.plan;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Inputs;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;

/** A plan's writable fields, read from a validated body and checked against each other. */
public record PlanFields(String name, String description, LocalDate startDate, LocalDate endDate, LocalDate goalRaceDate) {

  public static PlanFields from(JsonObject body) {
    PlanFields fields = new PlanFields(
        body.getString("name"),
        body.getString("description"),
        Inputs.date(body, "start_date"),
        Inputs.date(body, "end_date"),
        Inputs.date(body, "goal_race_date"));
    if (fields.endDate.isBefore(fields.startDate)) {
      throw Failures.unprocessable("end_date", "must not be before start_date");
    }
    return fields;
  }
}
