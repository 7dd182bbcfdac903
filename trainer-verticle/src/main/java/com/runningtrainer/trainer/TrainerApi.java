package com.runningtrainer.trainer;

import com.runningtrainer.common.api.ApiHandler;
import com.runningtrainer.common.api.ApiResponse;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** One handler per operationId of {@code openapi/trainer.yaml}, each a call of the service. */
public final class TrainerApi {

  private final TrainerService service;

  public TrainerApi(TrainerService service) {
    this.service = service;
  }

  public Map<String, ApiHandler> operations() {
    return Map.ofEntries(
        Map.entry("listPlans", r -> service.listPlans(r.userId(), r.query()).map(ApiResponse::ok)),
        Map.entry("createPlan", r -> service.createPlan(r.userId(), r.bodyAsJson()).map(p -> created("plans", p))),
        Map.entry("getPlan", r -> service.getPlan(r.userId(), r.pathParam("id")).map(ApiResponse::ok)),
        Map.entry("updatePlan", r -> service.updatePlan(r.userId(), r.pathParam("id"), r.bodyAsJson()).map(ApiResponse::ok)),
        Map.entry("deletePlan", r -> service.deletePlan(r.userId(), r.pathParam("id")).map(v -> ApiResponse.noContent())),
        Map.entry("listWorkouts", r -> service.listWorkouts(r.userId(), r.query()).map(ApiResponse::ok)),
        Map.entry("createWorkout",
            r -> service.createWorkout(r.userId(), r.bodyAsJson()).map(w -> created("workouts", w))),
        Map.entry("getWorkout", r -> service.getWorkout(r.userId(), r.pathParam("id")).map(ApiResponse::ok)),
        Map.entry("updateWorkout",
            r -> service.updateWorkout(r.userId(), r.pathParam("id"), r.bodyAsJson()).map(ApiResponse::ok)),
        Map.entry("deleteWorkout",
            r -> service.deleteWorkout(r.userId(), r.pathParam("id")).map(v -> ApiResponse.noContent())),
        Map.entry("listRuns", r -> service.listRuns(r.userId(), r.query()).map(ApiResponse::ok)),
        Map.entry("createRun", r -> service.createRun(r.userId(), r.bodyAsJson()).map(run -> created("runs", run))),
        Map.entry("getRun", r -> service.getRun(r.userId(), r.pathParam("id")).map(ApiResponse::ok)),
        Map.entry("updateRun", r -> service.updateRun(r.userId(), r.pathParam("id"), r.bodyAsJson()).map(ApiResponse::ok)),
        Map.entry("deleteRun", r -> service.deleteRun(r.userId(), r.pathParam("id")).map(v -> ApiResponse.noContent())),
        Map.entry("getSummary", r -> service.summary(r.userId(), r.query()).map(ApiResponse::ok)),
        Map.entry("getPlanProgress", r -> service.planProgress(r.userId(), r.pathParam("id")).map(ApiResponse::ok)));
  }

  private static ApiResponse created(String collection, JsonObject resource) {
    return ApiResponse.created(resource, "/api/v1/" + collection + "/" + resource.getString("id"));
  }
}
