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

/** The trainer's rules on top of its repositories. */
public final class TrainerServiceImpl implements TrainerService {

  private final PlanRepository plans;
  private final WorkoutRepository workouts;
  private final RunRepository runs;
  private final AnalyticsRepository analytics;
  private final Clock clock;

  public TrainerServiceImpl(Pool pool, Clock clock) {
    this.plans = new PlanRepository(pool);
    this.workouts = new WorkoutRepository(pool);
    this.runs = new RunRepository(pool);
    this.analytics = new AnalyticsRepository(pool);
    this.clock = clock;
  }

  @Override
  public Future<JsonObject> createPlan(String ownerId, JsonObject plan) {
    return Futures.attempt(() -> PlanFields.from(plan)).compose(fields -> plans.insert(owner(ownerId), fields));
  }

  @Override
  public Future<JsonObject> listPlans(String ownerId, JsonObject query) {
    return Futures.attempt(() -> Page.from(query)).compose(page -> plans.page(owner(ownerId), page));
  }

  @Override
  public Future<JsonObject> getPlan(String ownerId, String planId) {
    return Futures.attempt(() -> id("id", planId)).compose(id -> plans.find(owner(ownerId), id)).map(found -> found("plan", found));
  }

  @Override
  public Future<JsonObject> updatePlan(String ownerId, String planId, JsonObject plan) {
    return Futures.attempt(() -> PlanFields.from(plan)).compose(fields -> {
      UUID owner = owner(ownerId);
      UUID id = id("id", planId);
      return orExplain(plans.update(owner, id, fields), () -> plans.find(owner, id).map(existing -> existing == null
          ? Failures.notFound("plan")
          : Failures.unprocessable("start_date", "and end_date must still contain every workout of the plan")));
    });
  }

  @Override
  public Future<Void> deletePlan(String ownerId, String planId) {
    return Futures.attempt(() -> id("id", planId)).compose(id -> plans.delete(owner(ownerId), id)).map(deleted -> gone("plan", deleted));
  }

  @Override
  public Future<JsonObject> createWorkout(String ownerId, JsonObject workout) {
    return Futures.attempt(() -> WorkoutFields.from(workout)).compose(fields -> {
      UUID owner = owner(ownerId);
      return orExplain(workouts.insert(owner, fields), () -> whyNotInPlan(owner, fields));
    });
  }

  @Override
  public Future<JsonObject> listWorkouts(String ownerId, JsonObject query) {
    return Futures.attempt(() -> Page.from(query)).compose(page -> workouts.page(owner(ownerId), WorkoutFilter.from(query), page));
  }

  @Override
  public Future<JsonObject> getWorkout(String ownerId, String workoutId) {
    return Futures.attempt(() -> id("id", workoutId))
        .compose(id -> workouts.find(owner(ownerId), id))
        .map(found -> found("workout", found));
  }

  @Override
  public Future<JsonObject> updateWorkout(String ownerId, String workoutId, JsonObject workout) {
    return Futures.attempt(() -> WorkoutFields.from(workout)).compose(fields -> {
      UUID owner = owner(ownerId);
      UUID id = id("id", workoutId);
      return orExplain(workouts.update(owner, id, fields), () -> workouts.find(owner, id).compose(existing -> existing == null
          ? Future.succeededFuture(Failures.notFound("workout"))
          : whyNotInPlan(owner, fields)));
    });
  }

  @Override
  public Future<Void> deleteWorkout(String ownerId, String workoutId) {
    return Futures.attempt(() -> id("id", workoutId))
        .compose(id -> workouts.delete(owner(ownerId), id))
        .map(deleted -> gone("workout", deleted));
  }

  @Override
  public Future<JsonObject> createRun(String ownerId, JsonObject run) {
    return Futures.attempt(() -> RunFields.from(run))
        .compose(fields -> runs.insert(owner(ownerId), fields))
        .map(TrainerServiceImpl::linked);
  }

  @Override
  public Future<JsonObject> listRuns(String ownerId, JsonObject query) {
    return Futures.attempt(() -> Page.from(query)).compose(page -> runs.page(owner(ownerId), RunFilter.from(query), page));
  }

  @Override
  public Future<JsonObject> getRun(String ownerId, String runId) {
    return Futures.attempt(() -> id("id", runId)).compose(id -> runs.find(owner(ownerId), id)).map(found -> found("run", found));
  }

  @Override
  public Future<JsonObject> updateRun(String ownerId, String runId, JsonObject run) {
    return Futures.attempt(() -> RunFields.from(run)).compose(fields -> {
      UUID owner = owner(ownerId);
      UUID id = id("id", runId);
      return orExplain(runs.update(owner, id, fields), () -> runs.find(owner, id)
          .map(existing -> existing == null ? Failures.notFound("run") : noSuchWorkout()));
    });
  }

  @Override
  public Future<Void> deleteRun(String ownerId, String runId) {
    return Futures.attempt(() -> id("id", runId)).compose(id -> runs.delete(owner(ownerId), id)).map(deleted -> gone("run", deleted));
  }

  @Override
  public Future<JsonObject> summary(String ownerId, JsonObject query) {
    return Futures.attempt(() -> DateRange.from(query)).compose(range -> analytics.summary(owner(ownerId), range)
        .map(summary -> summary.put("from", text(range.from())).put("to", text(range.to()))));
  }

  @Override
  public Future<JsonObject> planProgress(String ownerId, String planId) {
    return Futures.attempt(() -> id("id", planId)).compose(id -> {
      UUID owner = owner(ownerId);
      LocalDate today = LocalDate.now(clock);
      return plans.find(owner, id).compose(plan -> plan == null
          ? Future.failedFuture(Failures.notFound("plan"))
          : analytics.progress(owner, id, today)
              .map(progress -> progress.put("plan_id", id.toString()).put("as_of", today.toString())));
    });
  }

  private static UUID owner(String ownerId) {
    return Inputs.caller(ownerId);
  }

  private static UUID id(String field, String value) {
    return Inputs.uuid(field, value);
  }

  private static JsonObject found(String what, JsonObject found) {
    if (found == null) {
      throw Failures.notFound(what);
    }
    return found;
  }

  private static Void gone(String what, boolean deleted) {
    if (!deleted) {
      throw Failures.notFound(what);
    }
    return null;
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

  /**
   * The row a guarded write returned; when it returned none, the failure that says why, which
   * only a second look can tell (absent, or present but breaking a rule).
   */
  private static Future<JsonObject> orExplain(Future<JsonObject> written, Supplier<Future<RuntimeException>> why) {
    return written.compose(row -> row != null ? Future.succeededFuture(row) : why.get().compose(Future::failedFuture));
  }

  private Future<RuntimeException> whyNotInPlan(UUID owner, WorkoutFields workout) {
    return plans.find(owner, workout.planId()).map(plan -> plan == null
        ? Failures.unprocessable("plan_id", "names no plan of yours")
        : Failures.unprocessable("scheduled_date", "must fall between the plan's start_date and end_date"));
  }

  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
