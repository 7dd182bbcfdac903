package com.runningtrainer.strava.imports;

import com.runningtrainer.common.events.UserEvents;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * What the runner's open clients hear of imports ({@link UserEvents}, the gateway's
 * {@code GET /api/v1/events}): a run arrived from Strava, an activity was imported or changed, an
 * activity disappeared, everything Strava brought was removed. An import that changed nothing
 * says nothing, so that a page read twice is heard once.
 */
public final class ImportEvents {

  /** A run arrived from Strava (created, or a hand-recorded run linked): activity, run and its workout. */
  public static final String RUN_IMPORTED = "strava.run_imported";
  /** An activity that is not a run was imported. */
  public static final String ACTIVITY_IMPORTED = "strava.activity_imported";
  /** A known activity changed at Strava (and may have lost its run, no longer being one). */
  public static final String ACTIVITY_UPDATED = "strava.activity_updated";
  /** An activity disappeared (deleted at Strava), with the run it made. */
  public static final String ACTIVITY_REMOVED = "strava.activity_removed";
  /** Everything imported from Strava was removed (the athlete disconnected). */
  public static final String ACTIVITIES_PURGED = "strava.activities_purged";

  private ImportEvents() {
  }

  static void imported(Vertx vertx, UUID owner, JsonObject activity, String outcome, String runOutcome) {
    JsonObject data = new JsonObject().put("activity_id", activity.getLong("activity_id"))
        .put("sport_type", activity.getString("sport_type")).put("local_date", activity.getString("local_date"))
        .put("run_id", activity.getString("run_id")).put("workout_id", activity.getString("workout_id"))
        .put("run_outcome", runOutcome);
    boolean newRun = "created".equals(runOutcome) || "linked".equals(runOutcome);
    if (newRun) {
      UserEvents.publish(vertx, owner.toString(), RUN_IMPORTED, data);
    } else if ("imported".equals(outcome)) {
      UserEvents.publish(vertx, owner.toString(), ACTIVITY_IMPORTED, data);
    } else if ("refreshed".equals(outcome)) {
      UserEvents.publish(vertx, owner.toString(), ACTIVITY_UPDATED, data);
    }
  }

  static void removed(Vertx vertx, UUID owner, long activityId, JsonObject runs) {
    UserEvents.publish(vertx, owner.toString(), ACTIVITY_REMOVED, new JsonObject().put("activity_id", activityId)
        .put("removed_run_id", runs.getString("removed")).put("unlinked_run_id", runs.getString("unlinked")));
  }

  static void purged(Vertx vertx, UUID owner, int activities, JsonObject runs) {
    UserEvents.publish(vertx, owner.toString(), ACTIVITIES_PURGED, new JsonObject().put("activities", activities)
        .put("removed_runs", runs.getLong("removed")).put("unlinked_runs", runs.getLong("unlinked")));
  }
}
