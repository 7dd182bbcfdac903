package com.runningtrainer.trainer.workout;

import com.runningtrainer.common.api.Inputs;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A workout's writable fields. Distance and duration are both optional: a rest day has neither.
 */
public record WorkoutFields(
    UUID planId,
    String name,
    String workoutType,
    String description,
    LocalDate scheduledDate,
    BigDecimal distanceKm,
    BigDecimal durationMinutes) {

  public static WorkoutFields from(JsonObject body) {
    return new WorkoutFields(
        Inputs.uuid(body, "plan_id"),
        body.getString("name"),
        body.getString("workout_type"),
        body.getString("description"),
        Inputs.date(body, "scheduled_date"),
        Inputs.decimal(body, "distance_km"),
        Inputs.decimal(body, "duration_minutes"));
  }
}
