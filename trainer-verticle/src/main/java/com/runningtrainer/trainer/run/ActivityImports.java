package com.runningtrainer.trainer.run;

import com.runningtrainer.common.db.SqlStates;
import com.runningtrainer.trainer.run.RunMatcher.Sport;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * Activities imported from Strava becoming runs: an activity is one run at most. When the runner
 * recorded the same run by hand (same date, distance within 2 %), the activity is linked to that
 * run, which keeps the runner's figures and workout; otherwise a Strava run is created. Either
 * way a Strava run without a workout is matched to one ({@link Matches}), again at each import of
 * the same activity, unless its workout was set by hand. The answer says what happened:
 * {@code {"outcome": "created" | "linked" | "already_imported", "run": {...}}}. Taking an activity
 * away again deletes its Strava run and unlinks a hand-recorded one, which stays.
 */
public final class ActivityImports {

  /** What an import did. */
  public enum Outcome {
    CREATED, LINKED, ALREADY_IMPORTED;

    public String label() {
      return name().toLowerCase();
    }
  }

  // Every activity the trainer imports today is a run; the strava service will say otherwise.
  private static final Sport SPORT = Sport.RUNNING;

  private final RunRepository runs;
  private final Matches matches;

  public ActivityImports(RunRepository runs, Matches matches) {
    this.runs = runs;
    this.matches = matches;
  }

  public Future<JsonObject> importRun(UUID owner, long activityId, RunFields run) {
    return runs.findImported(owner, activityId).compose(known -> known != null
        ? answer(Outcome.ALREADY_IMPORTED, known)
        : linkOrCreate(owner, activityId, run));
  }

  /** What the activity made, taken away: its Strava run deleted, a hand-recorded run unlinked. */
  public Future<JsonObject> remove(UUID owner, long activityId) {
    return runs.removeImported(owner, activityId);
  }

  /** Every activity of the owner's, taken away as by {@link #remove}. */
  public Future<JsonObject> purge(UUID owner) {
    return runs.purgeImported(owner);
  }

  private Future<JsonObject> linkOrCreate(UUID owner, long activityId, RunFields run) {
    return runs.linkToManual(owner, activityId, run.actualDate(), run.distanceKm())
        .compose(linked -> linked != null ? answer(Outcome.LINKED, linked) : create(owner, activityId, run))
        .recover(failure -> SqlStates.isUniqueViolation(failure) ? importedMeanwhile(owner, activityId)
            : Future.failedFuture(failure));
  }

  private Future<JsonObject> create(UUID owner, long activityId, RunFields run) {
    return runs.insertImported(owner, activityId, run).compose(created -> created != null
        ? answer(Outcome.CREATED, created)
        : importedMeanwhile(owner, activityId));
  }

  // Nothing inserted: another import of the activity won the race, or the workout named is not the owner's.
  private Future<JsonObject> importedMeanwhile(UUID owner, long activityId) {
    return runs.findImported(owner, activityId).compose(known -> answer(Outcome.ALREADY_IMPORTED, Runs.linked(known)));
  }

  private Future<JsonObject> answer(Outcome outcome, JsonObject run) {
    return matches.matchImported(run, SPORT)
        .map(matched -> new JsonObject().put("outcome", outcome.label()).put("run", matched));
  }
}
