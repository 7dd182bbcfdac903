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
        pace != null ? pace : computedPace(distance, duration),
        body.getString("notes"));
  }

  /**
   * Duration over distance, within what a pace may be (the contract's bound for a given one):
   * 10 minutes over 0.001 km would otherwise overflow the column and be refused by the database.
   */
  private static BigDecimal computedPace(BigDecimal distance, BigDecimal duration) {
    BigDecimal pace = Pace.of(distance, duration);
    if (pace != null && (pace.signum() <= 0 || pace.compareTo(Pace.MAX_MINUTES_PER_KM) > 0)) {
      throw Failures.unprocessable("average_pace", "of duration_minutes over distance_km must be between 0.001 and "
          + Pace.MAX_MINUTES_PER_KM + " minutes per km");
    }
    return pace;
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
