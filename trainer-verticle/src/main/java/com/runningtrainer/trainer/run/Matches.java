package com.runningtrainer.trainer.run;

import static com.runningtrainer.trainer.share.Access.orExplain;
import static com.runningtrainer.trainer.share.Access.ownerOf;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.trainer.run.RunMatcher.Candidate;
import com.runningtrainer.trainer.run.RunMatcher.Done;
import com.runningtrainer.trainer.run.RunMatcher.Sport;
import com.runningtrainer.trainer.workout.WorkoutRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which planned workout a run did. Imported runs are matched automatically ({@link RunMatcher}):
 * when they arrive, and again when workouts are planned, moved or deleted on their day; hand-recorded
 * runs keep the workout the runner chose, none included. The owner sets or clears a run's workout
 * by hand, which locks it: no automatic match changes it again.
 */
public final class Matches {

  private static final Logger LOG = LoggerFactory.getLogger(Matches.class);

  private final Pool pool;
  private final RunRepository runs;
  private final WorkoutRepository workouts;

  public Matches(Pool pool, RunRepository runs, WorkoutRepository workouts) {
    this.pool = pool;
    this.runs = runs;
    this.workouts = workouts;
  }

  /**
   * The imported run matched to a workout of its day, when it has none, was not set by hand, and
   * one fits; the run as it is otherwise.
   */
  public Future<JsonObject> matchImported(JsonObject run, Sport sport) {
    if (!"strava".equals(run.getString("source")) || run.getString("workout_id") != null
        || run.getBoolean("workout_locked")) {
      return Future.succeededFuture(run);
    }
    UUID owner = ownerOf(run);
    UUID id = UUID.fromString(run.getString("id"));
    LocalDate day = LocalDate.parse(run.getString("actual_date"));
    Done done = new Done(day, decimal(run, "distance_km"), decimal(run, "duration_minutes"), sport);
    // The day's workouts stay locked until the match is written: two runs of a day never take the same one.
    return pool.<JsonObject>withTransaction(transaction -> workouts.candidatesOn(transaction, owner, day)
            .compose(candidates -> RunMatcher.match(done, candidates)
                .map(workout -> runs.match(transaction, owner, id, workout))
                .orElse(Future.succeededFuture())))
        .compose(matched -> matched != null ? Future.succeededFuture(matched) : runs.find(owner, id));
  }

  /**
   * Matches the owner's imported runs between these dates (inclusive) that have no workout, and
   * were not left without one by hand, as their imports would have: for when the workouts of
   * those days changed since. The write that asks is made already: a failure here leaves the runs
   * unmatched (for the next write of their days, or the next import), logged, and fails nothing.
   *
   * @return how many runs were matched
   */
  public Future<Integer> between(UUID owner, LocalDate from, LocalDate to) {
    return matchFree(owner, from, to).recover(failure -> {
      LOG.warn("runs of {} between {} and {} left unmatched: {}", owner, from, to, String.valueOf(failure));
      return Future.succeededFuture(0);
    });
  }

  // Which days have free runs is read first, without a transaction or a lock: most writes of
  // workouts find none. Each such day's runs are read again under its lock.
  private Future<Integer> matchFree(UUID owner, LocalDate from, LocalDate to) {
    return runs.unmatchedImported(pool, owner, from, to).compose(free -> {
      Future<Integer> matched = Future.succeededFuture(0);
      for (LocalDate day : free.values().stream().map(Done::date).distinct().toList()) {
        matched = matched.compose(before -> matchDay(owner, day).map(count -> before + count));
      }
      return matched;
    });
  }

  /** {@link #between} the plan's dates, after its workouts changed together; the plan as it is. */
  public Future<JsonObject> withinPlan(JsonObject plan) {
    LocalDate start = LocalDate.parse(plan.getString("start_date"));
    LocalDate end = LocalDate.parse(plan.getString("end_date"));
    return between(ownerOf(plan), start, end).map(plan);
  }

  // As an import: the day's workouts locked first, then its free runs read again, each taking the closest still free.
  private Future<Integer> matchDay(UUID owner, LocalDate day) {
    return pool.withTransaction(transaction -> workouts.candidatesOn(transaction, owner, day)
        .compose(candidates -> runs.unmatchedImported(transaction, owner, day, day).compose(free -> {
          List<Candidate> left = new ArrayList<>(candidates);
          Future<Integer> matched = Future.succeededFuture(0);
          for (Map.Entry<UUID, Done> run : free.entrySet()) {
            Optional<UUID> workout = RunMatcher.match(run.getValue(), left);
            if (workout.isPresent()) {
              left.replaceAll(candidate -> candidate.id().equals(workout.get()) ? candidate.taken() : candidate);
              matched = matched.compose(before -> runs.match(transaction, owner, run.getKey(), workout.get())
                  .map(written -> written == null ? before : before + 1));
            }
          }
          return matched;
        })));
  }

  /**
   * Sets (or, with null, clears) the workout of the caller's run by hand and locks it. Any workout
   * of theirs but a rest day, on any date: the runner knows which session a run was.
   */
  public Future<JsonObject> setByHand(UUID caller, UUID id, UUID workoutId) {
    return orExplain(runs.setWorkout(caller, id, workoutId), () -> whyNotSet(caller, id, workoutId));
  }

  // Not a run the caller sees (or deleted meanwhile): 404; an athlete's: 403; else the workout is
  // not theirs (404) or a rest day.
  private Future<JsonObject> whyNotSet(UUID caller, UUID id, UUID workoutId) {
    return runs.find(caller, id)
        .map(run -> Failures.orNotFound(run, "run"))
        .compose(run -> Runs.refuseWhenNotOwner(caller, run))
        .compose(own -> workoutId == null ? Future.failedFuture(Failures.notFound("run")) : workouts.find(caller, workoutId))
        .compose(workout -> Future.failedFuture(workout == null || !caller.equals(ownerOf(workout))
            ? Failures.notFound("workout")
            : Failures.unprocessable("workout_id", "is a rest day, which no run does")));
  }

  private static BigDecimal decimal(JsonObject run, String field) {
    return new BigDecimal(run.getValue(field).toString());
  }
}
