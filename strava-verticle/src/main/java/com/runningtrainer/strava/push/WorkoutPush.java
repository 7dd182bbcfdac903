package com.runningtrainer.strava.push;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.strava.api.BudgetSpent;
import com.runningtrainer.strava.api.RateBudget.Priority;
import com.runningtrainer.strava.api.StravaClient;
import com.runningtrainer.strava.connect.ConnectionRepository;
import com.runningtrainer.strava.connect.Scopes;
import com.runningtrainer.strava.connect.StravaTokens;
import com.runningtrainer.strava.imports.ActivityImporter;
import com.runningtrainer.strava.neighbour.Trainer;
import com.runningtrainer.strava.oauth.StravaAnswer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A workout written to Strava, which has no API for planned workouts: a workout done with a
 * Strava activity gets its plan written into that activity's description (read, merged with the
 * athlete's own text, written back); a workout done with a hand-recorded run becomes a manual
 * activity at Strava, imported at once so that it links to that run (a second push then
 * describes it rather than make another). A workout not done is refused: Strava cannot hold
 * planned workouts. Calls to Strava are interactive: they go before backfills.
 */
public final class WorkoutPush {

  static final String NOT_DONE = "Strava cannot hold planned workouts: a workout is written to Strava once a run did it. "
      + "Follow the plan with its calendar feed (/api/v1/calendar) or its PDF (/api/v1/pdf) instead";
  // A hand-recorded run has a date but no time: noon, local, keeps it on its date in every zone.
  private static final String MANUAL_START_TIME = "T12:00:00";

  private final ConnectionRepository connections;
  private final StravaTokens tokens;
  private final StravaClient strava;
  private final Trainer trainer;
  private final ActivityImporter importer;

  public WorkoutPush(ConnectionRepository connections, StravaTokens tokens, StravaClient strava, Trainer trainer,
      ActivityImporter importer) {
    this.connections = connections;
    this.tokens = tokens;
    this.strava = strava;
    this.trainer = trainer;
    this.importer = importer;
  }

  /**
   * Writes the owner's workout to Strava: {@code {"outcome": "described" | "created",
   * "activity_id", "run_id"}}. 404 without a connection or for a workout not theirs; 403 without
   * {@code activity:write}; 422 for a workout not done; 503 while Strava's rate limit is spent.
   */
  public Future<JsonObject> push(UUID owner, String workoutId) {
    return connections.find(owner).compose(connection -> {
      if (connection == null) {
        throw Failures.notFound("Strava connection");
      }
      if (!connection.getJsonArray("granted_scope").contains(Scopes.WRITE)) {
        throw Failures.forbidden("without activity:write Strava refuses workouts written to it: reconnect Strava and allow it");
      }
      return trainer.doneWorkout(owner, workoutId);
    }).compose(done -> {
      JsonObject workout = done.getJsonObject("workout");
      JsonObject run = done.getJsonObject("run");
      if (run == null) {
        String status = workout.getJsonObject("compliance", new JsonObject()).getString("status");
        throw Failures.unprocessable("id", "upcoming".equals(status) ? NOT_DONE
            : "no run did this workout: there is nothing to write to Strava");
      }
      Long activityId = run.getLong("strava_activity_id");
      return tokens.accessToken(owner).compose(token -> activityId != null
          ? describe(token, activityId, workout, run)
          : create(owner, token, workout, run));
    }).recover(WorkoutPush::stravaFailed);
  }

  private Future<JsonObject> describe(String token, long activityId, JsonObject workout, JsonObject run) {
    return strava.activity(token, activityId, Priority.INTERACTIVE)
        .compose(activity -> strava.updateActivity(token, activityId, new JsonObject()
            .put("description", PlanText.merge(activity.getString("description"), PlanText.of(workout))), Priority.INTERACTIVE))
        .map(updated -> answer("described", activityId, run));
  }

  private Future<JsonObject> create(UUID owner, String token, JsonObject workout, JsonObject run) {
    BigDecimal km = new BigDecimal(run.getValue("distance_km").toString());
    BigDecimal minutes = new BigDecimal(run.getValue("duration_minutes").toString());
    JsonObject manual = new JsonObject()
        .put("name", workout.getString("name", "Run"))
        .put("sport_type", "Run")
        .put("start_date_local", run.getString("actual_date") + MANUAL_START_TIME)
        .put("elapsed_time", minutes.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValue())
        .put("distance", km.multiply(BigDecimal.valueOf(1000)).doubleValue())
        .put("description", PlanText.of(workout));
    return strava.createActivity(token, manual, Priority.INTERACTIVE)
        .compose(created -> importer.importActivity(owner, created)
            .map(imported -> answer("created", created.getLong("id"), run)));
  }

  private static JsonObject answer(String outcome, long activityId, JsonObject run) {
    return new JsonObject().put("outcome", outcome).put("activity_id", activityId).put("run_id", run.getString("id"));
  }

  private static Future<JsonObject> stravaFailed(Throwable failure) {
    if (failure instanceof BudgetSpent spent) {
      return Future.failedFuture(Failures.unavailable("Strava's rate limit is spent for now; try again later",
          Math.max(1, Duration.between(Instant.now(), spent.until()).toSeconds())));
    }
    if (failure instanceof StravaAnswer answer) {
      return Future.failedFuture(answer.status() == 401 || answer.status() == 403
          ? Failures.forbidden("Strava refused to write this activity (missing activity:write, or not the athlete's)")
          : answer.status() == 404 ? Failures.notFound("Strava activity")
          : new ServiceException(502, "Strava could not be reached or answered outside its protocol"));
    }
    return Future.failedFuture(failure);
  }
}
