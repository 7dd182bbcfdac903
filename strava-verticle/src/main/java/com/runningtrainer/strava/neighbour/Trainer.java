package com.runningtrainer.strava.neighbour;

import com.runningtrainer.common.breaker.Away;
import com.runningtrainer.common.breaker.Neighbour;
import com.runningtrainer.trainer.api.DoneWorkouts;
import com.runningtrainer.trainer.api.RunImports;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The runs Strava activities make, recorded in the trainer through its {@link RunImports} proxy
 * (and the workouts written to Strava, read through {@link DoneWorkouts}),
 * each call bounded by a short send timeout and behind one circuit breaker
 * ({@code strava-trainer}). While the trainer cannot be reached calls fail at once with a 503
 * (an import is then tried again later); the trainer's own 4xx answers pass through and never
 * count against the breaker.
 */
public final class Trainer {

  private final RunImports imports;
  private final DoneWorkouts doneWorkouts;
  private final Neighbour trainer;

  public Trainer(Vertx vertx, long timeoutMs) {
    this.imports = RunImports.createProxy(vertx, new DeliveryOptions().setSendTimeout(timeoutMs));
    this.doneWorkouts = DoneWorkouts.createProxy(vertx, new DeliveryOptions().setSendTimeout(timeoutMs));
    this.trainer = Neighbour.of(vertx, "strava-trainer", "trainer", timeoutMs, failure -> !Away.isAnswer(failure));
  }

  /** {@code {"outcome", "run"}}, as {@link RunImports#importRun} answers. */
  public Future<JsonObject> importRun(UUID owner, JsonObject run) {
    return call(() -> imports.importRun(owner.toString(), run));
  }

  /** {@code {"removed", "unlinked"}} run ids, as {@link RunImports#removeImportedRun} answers. */
  public Future<JsonObject> removeImportedRun(UUID owner, long activityId) {
    return call(() -> imports.removeImportedRun(owner.toString(), activityId));
  }

  /** {@code {"removed", "unlinked"}} counts, as {@link RunImports#purgeImportedRuns} answers. */
  public Future<JsonObject> purgeImportedRuns(UUID owner) {
    return call(() -> imports.purgeImportedRuns(owner.toString()));
  }

  /** {@code {"workout", "run"}} of the owner's own workout, as {@link DoneWorkouts#doneWorkout} answers. */
  public Future<JsonObject> doneWorkout(UUID owner, String workoutId) {
    return call(() -> doneWorkouts.doneWorkout(owner.toString(), workoutId));
  }

  private Future<JsonObject> call(Supplier<Future<JsonObject>> request) {
    return trainer.call(request);
  }
}
