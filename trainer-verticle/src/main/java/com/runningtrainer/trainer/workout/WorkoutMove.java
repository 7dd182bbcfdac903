package com.runningtrainer.trainer.workout;

import com.runningtrainer.common.api.Inputs;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;

/**
 * A move of one workout to another date of its plan. With {@code swap}, the workouts already on
 * that date go to the one it leaves, but those already done (a run linked), which stay on the
 * day they were done; the workout named moves done or not, since the caller asked for it.
 */
public record WorkoutMove(LocalDate date, boolean swap) {

  public static WorkoutMove from(JsonObject body) {
    return new WorkoutMove(Inputs.date(body, "date"), body.getBoolean("swap", false));
  }
}
