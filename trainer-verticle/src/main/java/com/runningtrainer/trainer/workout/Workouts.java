package com.runningtrainer.trainer.workout;

import static com.runningtrainer.trainer.share.Access.orExplain;
import static com.runningtrainer.trainer.share.Access.ownerOf;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Page;
import com.runningtrainer.trainer.plan.PlanRepository;
import com.runningtrainer.trainer.run.Matches;
import com.runningtrainer.trainer.share.Access;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Workouts of a plan, each on a day within the plan's dates: an athlete's own, written also by a
 * coach they share with read-write. The repository decides in SQL what a caller reaches; when a
 * guarded write changes nothing, a second look says why. A workout planned, moved or deleted on a
 * day matches the runs of that day imported without one ({@link Matches#between}).
 */
public final class Workouts {

  private final WorkoutRepository workouts;
  private final PlanRepository plans;
  private final Access access;
  private final Matches matches;

  public Workouts(WorkoutRepository workouts, PlanRepository plans, Access access, Matches matches) {
    this.workouts = workouts;
    this.plans = plans;
    this.access = access;
    this.matches = matches;
  }

  /** @param athlete whose workout it is: a read-write sharing athlete's, or the caller's when null */
  public Future<JsonObject> create(UUID caller, UUID athlete, WorkoutFields workout) {
    return access.writer(caller, athlete).compose(owner ->
            orExplain(workouts.insert(caller, owner, workout), () -> whyNotInPlan(caller, owner, workout)))
        .compose(created -> withMatches(caller, created));
  }

  public Future<JsonObject> page(UUID caller, UUID athlete, WorkoutFilter filter, Page page) {
    return access.reader(caller, athlete).compose(owner -> workouts.page(caller, owner, filter, page));
  }

  /** The workout, when the caller reads it; 404 otherwise. */
  public Future<JsonObject> find(UUID caller, UUID id) {
    return workouts.find(caller, id).map(workout -> Failures.orNotFound(workout, "workout"));
  }

  public Future<JsonObject> update(UUID caller, UUID id, WorkoutFields workout) {
    return orExplain(workouts.update(caller, id, workout), () -> whyNotUpdated(caller, id, workout))
        .compose(updated -> withMatches(caller, updated));
  }

  /** Deletes the workout; a run it had is matched to another workout of its day when one fits. */
  public Future<Void> delete(UUID caller, UUID id) {
    return workouts.delete(caller, id).compose(deleted -> deleted == null ? whyNotDeleted(caller, id)
        : matchesOn(ownerOf(deleted), dateOf(deleted)).mapEmpty());
  }

  /** Moves the workout within its plan, swapping when asked: {@code workout} and {@code swapped}. */
  public Future<JsonObject> move(UUID caller, UUID id, WorkoutMove move) {
    return orExplain(workouts.move(caller, id, move), () -> find(caller, id)
        .compose(existing -> access.refuseWhenReadOnly(caller, ownerOf(existing)))
        .compose(writable -> Future.failedFuture(Failures.notFound("workout"))))
        .compose(moved -> matchesAfterMove(moved).map(moved));
  }

  // The moved workout's new date, and its old one when workouts were swapped onto it.
  private Future<Integer> matchesAfterMove(JsonObject moved) {
    JsonObject workout = moved.getJsonObject("workout");
    UUID owner = ownerOf(workout);
    JsonArray swapped = moved.getJsonArray("swapped");
    Future<Integer> onTarget = matchesOn(owner, dateOf(workout));
    return swapped.isEmpty() ? onTarget : onTarget.compose(done -> matchesOn(owner, dateOf(swapped.getJsonObject(0))));
  }

  // A run of the workout's day imported before it was planned there is matched now; the answer
  // then counts it done (or, when it cannot be read again, is the workout as written).
  private Future<JsonObject> withMatches(UUID caller, JsonObject workout) {
    return matchesOn(ownerOf(workout), dateOf(workout)).compose(matched -> matched == 0
        ? Future.succeededFuture(workout)
        : find(caller, UUID.fromString(workout.getString("id"))).otherwise(workout));
  }

  private Future<Integer> matchesOn(UUID owner, LocalDate day) {
    return matches.between(owner, day, day);
  }

  private static LocalDate dateOf(JsonObject workout) {
    return LocalDate.parse(workout.getString("scheduled_date"));
  }

  private <T> Future<T> whyNotUpdated(UUID caller, UUID id, WorkoutFields workout) {
    return find(caller, id).compose(existing -> {
      UUID owner = ownerOf(existing);
      return access.refuseWhenReadOnly(caller, owner).compose(writable -> whyNotInPlan(caller, owner, workout));
    });
  }

  // Found and writable, yet not deleted: it was deleted meanwhile.
  private Future<Void> whyNotDeleted(UUID caller, UUID id) {
    return find(caller, id)
        .compose(existing -> access.refuseWhenReadOnly(caller, ownerOf(existing)))
        .compose(writable -> Future.failedFuture(Failures.notFound("workout")));
  }

  /** The plan named is not the owner's, or the date falls outside it: 422. */
  private <T> Future<T> whyNotInPlan(UUID caller, UUID owner, WorkoutFields workout) {
    return plans.find(caller, workout.planId()).compose(plan -> Future.failedFuture(
        isOwnedBy(plan, owner) ? outsidePlan() : planNotFound(caller, owner)));
  }

  private static boolean isOwnedBy(JsonObject plan, UUID owner) {
    return plan != null && owner.equals(ownerOf(plan));
  }

  private static RuntimeException planNotFound(UUID caller, UUID owner) {
    return Failures.unprocessable("plan_id", owner.equals(caller) ? "names no plan of yours" : "names no plan of this athlete's");
  }

  private static RuntimeException outsidePlan() {
    return Failures.unprocessable("scheduled_date", "must fall between the plan's start_date and end_date");
  }
}
