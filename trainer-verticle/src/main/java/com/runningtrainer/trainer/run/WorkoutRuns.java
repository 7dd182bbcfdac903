package com.runningtrainer.trainer.run;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.trainer.workout.WorkoutRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * A runner's own workout with the run that did it, for the strava service to write to Strava. A
 * coach reads an athlete's workouts but never writes to the athlete's Strava: only the owner's
 * workout is found.
 */
public final class WorkoutRuns {

  private final WorkoutRepository workouts;
  private final RunRepository runs;

  public WorkoutRuns(WorkoutRepository workouts, RunRepository runs) {
    this.workouts = workouts;
    this.runs = runs;
  }

  /** {@code {"workout", "run"}}, the run null when none is linked; 404 when the workout is not the owner's. */
  public Future<JsonObject> doneWorkout(UUID owner, UUID workoutId) {
    return workouts.find(owner, workoutId).compose(workout -> {
      if (workout == null || !owner.toString().equals(workout.getString("owner_id"))) {
        return Future.failedFuture(Failures.notFound("workout"));
      }
      return runs.doneFor(owner, workoutId).map(run -> new JsonObject().put("workout", workout).put("run", run));
    });
  }
}
