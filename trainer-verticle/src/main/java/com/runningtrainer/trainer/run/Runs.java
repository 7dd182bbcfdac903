package com.runningtrainer.trainer.run;

import static com.runningtrainer.trainer.share.Access.orExplain;
import static com.runningtrainer.trainer.share.Access.orExplainDeletion;
import static com.runningtrainer.trainer.share.Access.ownerOf;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Page;
import com.runningtrainer.trainer.share.Access;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * Runs: recorded by their owner alone, linked only to a workout of theirs, read also by a coach
 * the owner shares with, who never changes them (imports: {@link ActivityImports}; which
 * workout a run did: {@link Matches}). The repository
 * decides in SQL what a caller reaches; when a guarded write changes nothing, a second look
 * says why.
 */
public final class Runs {

  private final RunRepository runs;
  private final Access access;

  public Runs(RunRepository runs, Access access) {
    this.runs = runs;
    this.access = access;
  }

  public Future<JsonObject> create(UUID owner, RunFields run) {
    return runs.insert(owner, run).map(Runs::linked);
  }

  public Future<JsonObject> page(UUID caller, UUID athlete, RunFilter filter, Page page) {
    return access.reader(caller, athlete).compose(owner -> runs.page(caller, owner, filter, page));
  }

  /** The run, when the caller sees it; 404 otherwise. */
  public Future<JsonObject> find(UUID caller, UUID id) {
    return runs.find(caller, id).map(run -> Failures.orNotFound(run, "run"));
  }

  public Future<JsonObject> update(UUID caller, UUID id, RunFields run) {
    return orExplain(runs.update(caller, id, run), () -> whyNotUpdated(caller, id));
  }

  public Future<Void> delete(UUID caller, UUID id) {
    return orExplainDeletion(runs.delete(caller, id), () -> whyNotDeleted(caller, id));
  }

  // The owner's update names a workout not theirs; anyone else's is a coach's.
  private <T> Future<T> whyNotUpdated(UUID caller, UUID id) {
    return find(caller, id)
        .compose(existing -> refuseWhenNotOwner(caller, existing))
        .compose(own -> Future.failedFuture(noSuchWorkout()));
  }

  // A run the caller sees but could not delete is an athlete's.
  private Future<Void> whyNotDeleted(UUID caller, UUID id) {
    return find(caller, id).compose(existing -> Future.failedFuture(athletesRun()));
  }

  static Future<Void> refuseWhenNotOwner(UUID caller, JsonObject run) {
    return caller.equals(ownerOf(run)) ? Future.succeededFuture() : Future.failedFuture(athletesRun());
  }

  static JsonObject linked(JsonObject run) {
    if (run == null) {
      throw noSuchWorkout();
    }
    return run;
  }

  private static RuntimeException noSuchWorkout() {
    return Failures.unprocessable("workout_id", "names no workout of yours");
  }

  static RuntimeException athletesRun() {
    return Failures.forbidden("a coach reads an athlete's runs but never changes them");
  }
}
