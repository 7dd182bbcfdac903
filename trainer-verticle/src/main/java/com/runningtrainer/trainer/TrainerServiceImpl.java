package com.runningtrainer.trainer;

import com.runningtrainer.common.api.DateRange;
import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Futures;
import com.runningtrainer.common.api.Inputs;
import com.runningtrainer.common.api.Page;
import com.runningtrainer.trainer.analytics.AnalyticsRepository;
import com.runningtrainer.trainer.plan.PlanFields;
import com.runningtrainer.trainer.plan.PlanRepository;
import com.runningtrainer.trainer.run.RunFields;
import com.runningtrainer.trainer.run.RunFilter;
import com.runningtrainer.trainer.run.RunRepository;
import com.runningtrainer.trainer.share.Access;
import com.runningtrainer.trainer.share.Identities;
import com.runningtrainer.trainer.share.ShareFields;
import com.runningtrainer.trainer.share.ShareRepository;
import com.runningtrainer.trainer.share.Sharing;
import com.runningtrainer.trainer.workout.WorkoutFields;
import com.runningtrainer.trainer.workout.WorkoutFilter;
import com.runningtrainer.trainer.workout.WorkoutRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The trainer's rules on top of its repositories. The repositories decide in SQL what a caller
 * reaches; when a guarded statement changes nothing, a second look says why.
 */
public final class TrainerServiceImpl implements TrainerService {

  private final PlanRepository plans;
  private final WorkoutRepository workouts;
  private final RunRepository runs;
  private final AnalyticsRepository analytics;
  private final Access access;
  private final Sharing sharing;
  private final Clock clock;

  public TrainerServiceImpl(Pool pool, Identities identities, Clock clock) {
    ShareRepository shares = new ShareRepository(pool);
    this.plans = new PlanRepository(pool);
    this.workouts = new WorkoutRepository(pool);
    this.runs = new RunRepository(pool);
    this.analytics = new AnalyticsRepository(pool);
    this.access = new Access(shares);
    this.sharing = new Sharing(shares, identities);
    this.clock = clock;
  }

  @Override
  public Future<JsonObject> createPlan(String callerId, String athleteId, JsonObject plan) {
    return Futures.attempt(() -> PlanFields.from(plan)).compose(fields -> {
      UUID caller = caller(callerId);
      return access.writer(caller, athlete(athleteId)).compose(owner -> plans.insert(caller, owner, fields))
          .map(created -> found("athlete", created));
    });
  }

  @Override
  public Future<JsonObject> listPlans(String callerId, JsonObject query) {
    return Futures.attempt(() -> Page.from(query)).compose(page -> {
      UUID caller = caller(callerId);
      return access.reader(caller, Inputs.uuid(query, "athlete_id")).compose(owner -> plans.page(caller, owner, page));
    });
  }

  @Override
  public Future<JsonObject> getPlan(String callerId, String planId) {
    return Futures.attempt(() -> id("id", planId)).compose(id -> plans.find(caller(callerId), id)).map(found -> found("plan", found));
  }

  @Override
  public Future<JsonObject> updatePlan(String callerId, String planId, JsonObject plan) {
    return Futures.attempt(() -> PlanFields.from(plan)).compose(fields -> {
      UUID caller = caller(callerId);
      UUID id = id("id", planId);
      return orExplain(plans.update(caller, id, fields), () -> plans.find(caller, id).compose(existing -> existing == null
          ? Future.succeededFuture(Failures.notFound("plan"))
          : access.refusal(caller, ownerOf(existing)).map(refused -> refused != null ? refused
              : Failures.unprocessable("start_date", "and end_date must still contain every workout of the plan"))));
    });
  }

  @Override
  public Future<Void> deletePlan(String callerId, String planId) {
    return Futures.attempt(() -> id("id", planId)).compose(id -> {
      UUID caller = caller(callerId);
      return orExplainDeletion(plans.delete(caller, id), () -> plans.find(caller, id).map(existing -> existing == null
          ? Failures.notFound("plan")
          : Failures.forbidden("only the athlete deletes their plan")));
    });
  }

  @Override
  public Future<JsonObject> createWorkout(String callerId, String athleteId, JsonObject workout) {
    return Futures.attempt(() -> WorkoutFields.from(workout)).compose(fields -> {
      UUID caller = caller(callerId);
      return access.writer(caller, athlete(athleteId)).compose(owner ->
          orExplain(workouts.insert(caller, owner, fields), () -> whyNotInPlan(caller, owner, fields)));
    });
  }

  @Override
  public Future<JsonObject> listWorkouts(String callerId, JsonObject query) {
    return Futures.attempt(() -> Page.from(query)).compose(page -> {
      UUID caller = caller(callerId);
      WorkoutFilter filter = WorkoutFilter.from(query);
      return access.reader(caller, Inputs.uuid(query, "athlete_id"))
          .compose(owner -> workouts.page(caller, owner, filter, page));
    });
  }

  @Override
  public Future<JsonObject> getWorkout(String callerId, String workoutId) {
    return Futures.attempt(() -> id("id", workoutId))
        .compose(id -> workouts.find(caller(callerId), id))
        .map(found -> found("workout", found));
  }

  @Override
  public Future<JsonObject> updateWorkout(String callerId, String workoutId, JsonObject workout) {
    return Futures.attempt(() -> WorkoutFields.from(workout)).compose(fields -> {
      UUID caller = caller(callerId);
      UUID id = id("id", workoutId);
      return orExplain(workouts.update(caller, id, fields), () -> workouts.find(caller, id).compose(existing -> existing == null
          ? Future.succeededFuture(Failures.notFound("workout"))
          : access.refusal(caller, ownerOf(existing)).compose(refused -> refused != null
              ? Future.succeededFuture(refused)
              : whyNotInPlan(caller, ownerOf(existing), fields))));
    });
  }

  @Override
  public Future<Void> deleteWorkout(String callerId, String workoutId) {
    return Futures.attempt(() -> id("id", workoutId)).compose(id -> {
      UUID caller = caller(callerId);
      return orExplainDeletion(workouts.delete(caller, id), () -> workouts.find(caller, id).compose(existing -> existing == null
          ? Future.succeededFuture(Failures.notFound("workout"))
          : access.refusal(caller, ownerOf(existing)).map(refused -> refused != null ? refused : Failures.notFound("workout"))));
    });
  }

  @Override
  public Future<JsonObject> createRun(String callerId, JsonObject run) {
    return Futures.attempt(() -> RunFields.from(run))
        .compose(fields -> runs.insert(caller(callerId), fields))
        .map(TrainerServiceImpl::linked);
  }

  @Override
  public Future<JsonObject> importRun(String ownerId, JsonObject run) {
    return Futures.attempt(() -> RunFields.imported(run))
        .compose(fields -> runs.importFromStrava(caller(ownerId), RunFields.stravaActivityId(run), fields))
        .map(TrainerServiceImpl::linked);
  }

  @Override
  public Future<JsonObject> listRuns(String callerId, JsonObject query) {
    return Futures.attempt(() -> Page.from(query)).compose(page -> {
      UUID caller = caller(callerId);
      RunFilter filter = RunFilter.from(query);
      return access.reader(caller, Inputs.uuid(query, "athlete_id")).compose(owner -> runs.page(caller, owner, filter, page));
    });
  }

  @Override
  public Future<JsonObject> getRun(String callerId, String runId) {
    return Futures.attempt(() -> id("id", runId)).compose(id -> runs.find(caller(callerId), id)).map(found -> found("run", found));
  }

  @Override
  public Future<JsonObject> updateRun(String callerId, String runId, JsonObject run) {
    return Futures.attempt(() -> RunFields.from(run)).compose(fields -> {
      UUID caller = caller(callerId);
      UUID id = id("id", runId);
      return orExplain(runs.update(caller, id, fields), () -> runs.find(caller, id).map(existing -> existing == null
          ? Failures.notFound("run")
          : caller.equals(ownerOf(existing)) ? noSuchWorkout() : athletesRun()));
    });
  }

  @Override
  public Future<Void> deleteRun(String callerId, String runId) {
    return Futures.attempt(() -> id("id", runId)).compose(id -> {
      UUID caller = caller(callerId);
      return orExplainDeletion(runs.delete(caller, id), () -> runs.find(caller, id)
          .map(existing -> existing == null ? Failures.notFound("run") : athletesRun()));
    });
  }

  @Override
  public Future<JsonObject> summary(String callerId, JsonObject query) {
    return Futures.attempt(() -> DateRange.from(query)).compose(range -> {
      UUID caller = caller(callerId);
      return access.reader(caller, Inputs.uuid(query, "athlete_id"))
          .compose(owner -> analytics.summary(caller, owner, range))
          .map(summary -> summary.put("from", text(range.from())).put("to", text(range.to())));
    });
  }

  @Override
  public Future<JsonObject> planProgress(String callerId, String planId) {
    return Futures.attempt(() -> id("id", planId)).compose(id -> {
      UUID caller = caller(callerId);
      LocalDate today = LocalDate.now(clock);
      return plans.find(caller, id).compose(plan -> plan == null
          ? Future.failedFuture(Failures.notFound("plan"))
          : analytics.progress(caller, ownerOf(plan), id, today)
              .map(progress -> progress.put("plan_id", id.toString()).put("as_of", today.toString())));
    });
  }

  @Override
  public Future<JsonObject> createShare(String athleteId, JsonObject share) {
    return Futures.attempt(() -> ShareFields.from(share)).compose(fields -> sharing.invite(caller(athleteId), fields));
  }

  @Override
  public Future<JsonObject> listShares(String athleteId, JsonObject query) {
    return Futures.attempt(() -> Page.from(query)).compose(page -> sharing.listOfAthlete(caller(athleteId), page));
  }

  @Override
  public Future<JsonObject> getShare(String callerId, String shareId) {
    return Futures.defer(() -> sharing.find(caller(callerId), id("id", shareId)));
  }

  @Override
  public Future<JsonObject> updateShare(String athleteId, String shareId, JsonObject change) {
    return Futures.defer(() -> sharing.change(caller(athleteId), id("id", shareId), change.getString("access"),
        change.getBoolean("share_strava_runs")));
  }

  @Override
  public Future<Void> deleteShare(String callerId, String shareId) {
    return Futures.defer(() -> sharing.revoke(caller(callerId), id("id", shareId)));
  }

  @Override
  public Future<JsonObject> listInvitations(String callerId, JsonObject query) {
    return Futures.attempt(() -> Page.from(query)).compose(page -> sharing.invitations(caller(callerId), page));
  }

  @Override
  public Future<JsonObject> acceptInvitation(String callerId, String shareId) {
    return Futures.defer(() -> sharing.accept(caller(callerId), id("id", shareId)));
  }

  @Override
  public Future<JsonObject> listAthletes(String coachId, JsonObject query) {
    return Futures.attempt(() -> Page.from(query)).compose(page -> sharing.athletes(caller(coachId), page));
  }

  private static UUID caller(String callerId) {
    return Inputs.caller(callerId);
  }

  private static UUID athlete(String athleteId) {
    return athleteId == null ? null : id("athlete_id", athleteId);
  }

  private static UUID id(String field, String value) {
    return Inputs.uuid(field, value);
  }

  private static UUID ownerOf(JsonObject row) {
    return UUID.fromString(row.getString("owner_id"));
  }

  private static JsonObject found(String what, JsonObject found) {
    if (found == null) {
      throw Failures.notFound(what);
    }
    return found;
  }

  private static JsonObject linked(JsonObject run) {
    if (run == null) {
      throw noSuchWorkout();
    }
    return run;
  }

  private static RuntimeException noSuchWorkout() {
    return Failures.unprocessable("workout_id", "names no workout of yours");
  }

  private static RuntimeException athletesRun() {
    return Failures.forbidden("a coach reads an athlete's runs but never changes them");
  }

  /**
   * The row a guarded write returned; when it returned none, the failure that says why, which
   * only a second look can tell (absent, refused by a share, or present but breaking a rule).
   */
  private static Future<JsonObject> orExplain(Future<JsonObject> written, Supplier<Future<RuntimeException>> why) {
    return written.compose(row -> row != null ? Future.succeededFuture(row) : why.get().compose(Future::failedFuture));
  }

  private static Future<Void> orExplainDeletion(Future<Boolean> deleted, Supplier<Future<RuntimeException>> why) {
    return deleted.compose(done -> done ? Future.<Void>succeededFuture() : why.get().compose(Future::failedFuture));
  }

  private Future<RuntimeException> whyNotInPlan(UUID caller, UUID owner, WorkoutFields workout) {
    return plans.find(caller, workout.planId()).map(plan -> plan == null || !owner.equals(ownerOf(plan))
        ? Failures.unprocessable("plan_id", owner.equals(caller) ? "names no plan of yours" : "names no plan of this athlete's")
        : Failures.unprocessable("scheduled_date", "must fall between the plan's start_date and end_date"));
  }

  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
