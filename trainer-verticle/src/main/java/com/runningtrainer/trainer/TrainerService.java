package com.runningtrainer.trainer;

import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The trainer's business API, and the only way other services reach it (as a proxy on the
 * event bus address {@code trainer.service}). Every method acts for one owner, the user id
 * first: another owner's plan, workout or run is absent. Failures are
 * {@link io.vertx.serviceproxy.ServiceException}s whose code is the HTTP status.
 * Bodies, queries and answers are the JSON of {@code openapi/trainer.yaml}.
 */
@VertxGen
@ProxyGen
public interface TrainerService {

  Future<JsonObject> createPlan(String ownerId, JsonObject plan);

  Future<JsonObject> listPlans(String ownerId, JsonObject query);

  Future<JsonObject> getPlan(String ownerId, String planId);

  Future<JsonObject> updatePlan(String ownerId, String planId, JsonObject plan);

  /** Deletes the plan and its workouts; runs linked to them are kept, unlinked. */
  Future<Void> deletePlan(String ownerId, String planId);

  Future<JsonObject> createWorkout(String ownerId, JsonObject workout);

  Future<JsonObject> listWorkouts(String ownerId, JsonObject query);

  Future<JsonObject> getWorkout(String ownerId, String workoutId);

  Future<JsonObject> updateWorkout(String ownerId, String workoutId, JsonObject workout);

  Future<Void> deleteWorkout(String ownerId, String workoutId);

  Future<JsonObject> createRun(String ownerId, JsonObject run);

  Future<JsonObject> listRuns(String ownerId, JsonObject query);

  Future<JsonObject> getRun(String ownerId, String runId);

  Future<JsonObject> updateRun(String ownerId, String runId, JsonObject run);

  Future<Void> deleteRun(String ownerId, String runId);

  /** Totals, weeks and workout types of the owner's runs in an optional {@code from}/{@code to} range. */
  Future<JsonObject> summary(String ownerId, JsonObject query);

  /** Completed, missed and upcoming workouts of one plan, as of today (UTC). */
  Future<JsonObject> planProgress(String ownerId, String planId);
}
