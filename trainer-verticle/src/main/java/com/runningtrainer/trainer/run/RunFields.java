package com.runningtrainer.trainer.run;

import com.runningtrainer.common.api.Inputs;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A run's writable fields; the pace is computed from distance and duration when not given. */
public record RunFields(
    UUID workoutId,
    LocalDate actualDate,
    BigDecimal distanceKm,
    BigDecimal durationMinutes,
    BigDecimal averagePace,
    String notes) {

  public static RunFields from(JsonObject body) {
    BigDecimal distance = Inputs.decimal(body, "distance_km");
    BigDecimal duration = Inputs.decimal(body, "duration_minutes");
    BigDecimal pace = Inputs.decimal(body, "average_pace");
    return new RunFields(
        Inputs.uuid(body, "workout_id"),
        Inputs.date(body, "actual_date"),
        distance,
        duration,
        pace != null ? pace : Pace.of(distance, duration),
        body.getString("notes"));
  }
}
