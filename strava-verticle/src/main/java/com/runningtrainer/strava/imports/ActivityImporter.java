package com.runningtrainer.strava.imports;

import com.runningtrainer.common.api.Futures;
import com.runningtrainer.strava.api.RateBudget.Priority;
import com.runningtrainer.strava.api.StravaClient;
import com.runningtrainer.strava.connect.StravaTokens;
import com.runningtrainer.strava.neighbour.Trainer;
import com.runningtrainer.strava.oauth.StravaAnswer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * Strava activities entering (and leaving) a runner's log: each is stored in the strava schema,
 * and a Run, TrailRun or VirtualRun becomes a run in the trainer ({@code source} strava, linked
 * to a hand-recorded run of the same date and distance when there is one); other sports stay
 * activities. Every method is idempotent, so a page read twice, a webhook delivered three times
 * or a job taken over after a crash changes nothing twice. An activity seen again refreshes what
 * changed at Strava (name, sport, privacy, figures); one that stopped being a run loses its run.
 * The run's own figures stay as first imported: the runner may have corrected them in the
 * trainer. The runner's open clients hear of each change ({@link ImportEvents}).
 */
public final class ActivityImporter {

  private final Vertx vertx;
  private final ActivityRepository activities;
  private final Trainer trainer;
  private final StravaTokens tokens;
  private final StravaClient strava;

  public ActivityImporter(Vertx vertx, ActivityRepository activities, Trainer trainer, StravaTokens tokens,
      StravaClient strava) {
    this.vertx = vertx;
    this.activities = activities;
    this.trainer = trainer;
    this.tokens = tokens;
    this.strava = strava;
  }

  /**
   * Stores an activity as Strava's API gives it (summary or detailed) for its owner, and makes,
   * keeps or takes away its run. Answers {@code {"activity": {...}, "activity_outcome":
   * "imported" | "refreshed" | "unchanged", "run_outcome": "created" | "linked" |
   * "already_imported" | "removed" | "none"}}; 400 when the JSON is not an activity.
   */
  public Future<JsonObject> importActivity(UUID owner, JsonObject activity) {
    return Futures.defer(() -> {
      StravaActivity read = StravaActivity.from(activity);
      return activities.find(owner, read.id()).compose(before -> (read.becomesRun()
              ? trainer.importRun(owner, read.run()).map(ImportedRun::of)
              : dropRun(owner, read.id(), before))
          .compose(run -> activities.save(owner, read, run.runId(), run.workoutId())
              .map(saved -> answer(owner, before, saved, run.outcome()))));
    });
  }

  /**
   * Fetches the activity from Strava ({@code GET /activities/{id}}, as an interactive call) with
   * the owner's token and imports it; when Strava has no such activity (404) it is gone, and is
   * removed ({@code "activity_outcome": "removed"}). Fails with
   * {@link com.runningtrainer.strava.api.BudgetSpent} while Strava's rate limit is spent.
   */
  public Future<JsonObject> fetchAndImport(UUID owner, long activityId) {
    return tokens.accessToken(owner)
        .compose(token -> strava.activity(token, activityId, Priority.INTERACTIVE))
        .compose(activity -> importActivity(owner, activity), failure -> {
          if (failure instanceof StravaAnswer answer && answer.status() == 404) {
            return remove(owner, activityId).map(new JsonObject().put("activity_id", activityId)
                .put("activity_outcome", "removed").put("run_outcome", "removed"));
          }
          return Future.failedFuture(failure);
        });
  }

  /**
   * The activity and the run it made disappear; a hand-recorded run linked to it stays,
   * unlinked. The trainer goes first: should it fail, the activity is still there to remove again.
   */
  public Future<Void> remove(UUID owner, long activityId) {
    return trainer.removeImportedRun(owner, activityId)
        .compose(runs -> activities.delete(owner, activityId).map(deleted -> {
          if (deleted != null || runs.getValue("removed") != null || runs.getValue("unlinked") != null) {
            ImportEvents.removed(vertx, owner, activityId, runs);
          }
          return null;
        }));
  }

  /** Every imported activity of the owner's and the runs they made disappear; hand-recorded runs stay, unlinked. */
  public Future<Void> purge(UUID owner) {
    return trainer.purgeImportedRuns(owner)
        .compose(runs -> activities.deleteAll(owner).map(deleted -> {
          ImportEvents.purged(vertx, owner, deleted, runs);
          return null;
        }));
  }

  /** A former run that is no longer one loses its run. */
  private Future<ImportedRun> dropRun(UUID owner, long activityId, JsonObject before) {
    if (before == null || before.getString("run_id") == null) {
      return Future.succeededFuture(ImportedRun.NONE);
    }
    return trainer.removeImportedRun(owner, activityId).map(ImportedRun.REMOVED);
  }

  private JsonObject answer(UUID owner, JsonObject before, JsonObject saved, String runOutcome) {
    String outcome = before == null ? "imported" : same(before, saved) ? "unchanged" : "refreshed";
    ImportEvents.imported(vertx, owner, saved, outcome, runOutcome);
    return new JsonObject().put("activity", saved).put("activity_outcome", outcome).put("run_outcome", runOutcome);
  }

  private static boolean same(JsonObject before, JsonObject after) {
    JsonObject a = before.copy();
    JsonObject b = after.copy();
    a.remove("updated_at");
    b.remove("updated_at");
    return a.equals(b);
  }

  /** What became of the activity's run in the trainer. */
  private record ImportedRun(String outcome, UUID runId, UUID workoutId) {
    static final ImportedRun NONE = new ImportedRun("none", null, null);
    static final ImportedRun REMOVED = new ImportedRun("removed", null, null);

    static ImportedRun of(JsonObject answer) {
      JsonObject run = answer.getJsonObject("run");
      return new ImportedRun(answer.getString("outcome"), uuid(run.getString("id")), uuid(run.getString("workout_id")));
    }

    private static UUID uuid(String value) {
      return value == null ? null : UUID.fromString(value);
    }
  }
}
