package com.runningtrainer.trainer.run;

import com.runningtrainer.common.api.Failures;
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

  /**
   * A run another service brings (no contract has checked its body): the date, distance and
   * duration are required, 400 naming the one missing.
   */
  public static RunFields imported(JsonObject body) {
    for (String field : new String[] {"actual_date", "distance_km", "duration_minutes"}) {
      if (body.getValue(field) == null) {
        throw Failures.invalid(field, "is required");
      }
    }
    RunFields run = from(body);
    if (run.distanceKm().signum() <= 0 || run.durationMinutes().signum() <= 0) {
      throw Failures.invalid("distance_km", "and duration_minutes must be positive");
    }
    return run;
  }

  /** The Strava activity id of an imported run, required and positive. */
  public static long stravaActivityId(JsonObject body) {
    Object value = body.getValue("strava_activity_id");
    if (!(value instanceof Number number) || number.longValue() <= 0 || number.doubleValue() != number.longValue()) {
      throw Failures.invalid("strava_activity_id", "must be a positive integer");
    }
    return number.longValue();
  }
}
