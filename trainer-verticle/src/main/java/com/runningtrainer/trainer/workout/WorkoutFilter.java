package com.runningtrainer.trainer.workout;

import com.runningtrainer.common.api.DateRange;
import com.runningtrainer.common.api.Inputs;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** What a workout list may be narrowed by; every part optional. */
public record WorkoutFilter(UUID planId, DateRange dates, String workoutType) {

  public static WorkoutFilter from(JsonObject query) {
    return new WorkoutFilter(Inputs.uuid(query, "plan_id"), DateRange.from(query), query.getString("workout_type"));
  }
}
