package com.runningtrainer.strava;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The strava service's business API, which its operation handlers call. Every method but the
 * callback acts for one caller, the user id first, on their own connection only. Failures are
 * {@link io.vertx.serviceproxy.ServiceException}s whose code is the HTTP status; answers are the
 * JSON of {@code openapi/strava.yaml}. Nobody else calls it yet, so it has no API module.
 */
public interface StravaService {

  /** Strava's authorization URL for the caller, with a new single-use state bound to them; 503 when unconfigured. */
  Future<String> authorizeUrl(String callerId);

  /**
   * Finishes a connection: consumes the state (400 when unknown, expired or used), exchanges the
   * code and stores the connection of the user the state names; that connection.
   *
   * @param scope the scopes Strava reports the athlete granted
   * @param error Strava's {@code error} when the athlete declined (then 403)
   */
  Future<JsonObject> finishConnection(String state, String code, String scope, String error);

  /** The caller's connection; 404 when none. */
  Future<JsonObject> connection(String callerId);

  /**
   * Revokes the caller's authorization at Strava, ends their open sync, purges the imported
   * activities and their runs (hand-recorded runs stay), then deletes the connection; 404 when none. Should the purge fail,
   * the connection stays, so that disconnecting again finishes it.
   */
  Future<Void> disconnect(String callerId);

  /**
   * Queues a sync of the caller's activities, or answers the one open (queued, running or
   * waiting): the job, with {@code "new"} saying which. 404 without a connection; 409 when it
   * needs reconnecting.
   */
  Future<JsonObject> startSync(String callerId);

  /** The caller's sync job; 404 when it is not theirs. */
  Future<JsonObject> sync(String callerId, String syncId);

  /** A page of the caller's imported activities, newest first: {@code limit}, {@code offset}, {@code from}, {@code to}, {@code sport_type}. */
  Future<JsonObject> activities(String callerId, JsonObject query);

  /**
   * Writes the caller's workout to Strava: into the description of the activity that did it, or
   * as a manual activity for a hand-recorded run. {@code {"outcome": "described" | "created",
   * "activity_id", "run_id"}}; 404 for no connection or a workout not theirs, 403 without
   * {@code activity:write}, 422 for a workout not done (Strava cannot hold planned workouts).
   */
  Future<JsonObject> pushWorkout(String callerId, String workoutId);
}
