package com.runningtrainer.trainer;

import com.runningtrainer.common.api.ApiHandler;
import com.runningtrainer.common.api.ApiRequest;
import com.runningtrainer.common.api.ApiResponse;
import com.runningtrainer.trainer.calendar.CalendarFile;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** One handler per operationId of {@code openapi/trainer.yaml}, each a call of the service. */
public final class TrainerApi {

  /** How long an app may keep a feed before asking again (with its ETag); the feed asks for an hour. */
  private static final String CALENDAR_CACHE = "private, max-age=900";

  private final TrainerService service;

  public TrainerApi(TrainerService service) {
    this.service = service;
  }

  public Map<String, ApiHandler> operations() {
    return Map.ofEntries(
        Map.entry("listPlans", r -> service.listPlans(r.userId(), r.query()).map(ApiResponse::ok)),
        Map.entry("createPlan",
            r -> service.createPlan(r.userId(), athlete(r), r.bodyAsJson()).map(p -> created("plans", p))),
        Map.entry("getPlan", r -> service.getPlan(r.userId(), r.pathParam("id")).map(ApiResponse::ok)),
        Map.entry("updatePlan", r -> service.updatePlan(r.userId(), r.pathParam("id"), r.bodyAsJson()).map(ApiResponse::ok)),
        Map.entry("deletePlan", r -> service.deletePlan(r.userId(), r.pathParam("id")).map(v -> ApiResponse.noContent())),
        Map.entry("listWorkouts", r -> service.listWorkouts(r.userId(), r.query()).map(ApiResponse::ok)),
        Map.entry("createWorkout",
            r -> service.createWorkout(r.userId(), athlete(r), r.bodyAsJson()).map(w -> created("workouts", w))),
        Map.entry("getWorkout", r -> service.getWorkout(r.userId(), r.pathParam("id")).map(ApiResponse::ok)),
        Map.entry("updateWorkout",
            r -> service.updateWorkout(r.userId(), r.pathParam("id"), r.bodyAsJson()).map(ApiResponse::ok)),
        Map.entry("deleteWorkout",
            r -> service.deleteWorkout(r.userId(), r.pathParam("id")).map(v -> ApiResponse.noContent())),
        Map.entry("generatePlan",
            r -> service.generatePlan(r.userId(), athlete(r), r.bodyAsJson()).map(p -> created("plans", p))),
        Map.entry("copyPlan",
            r -> service.copyPlan(r.userId(), r.pathParam("id"), r.bodyAsJson()).map(p -> created("plans", p))),
        Map.entry("shiftPlan", r -> service.shiftPlan(r.userId(), r.pathParam("id"), r.bodyAsJson()).map(ApiResponse::ok)),
        Map.entry("moveWorkout",
            r -> service.moveWorkout(r.userId(), r.pathParam("id"), r.bodyAsJson()).map(ApiResponse::ok)),
        Map.entry("listRuns", r -> service.listRuns(r.userId(), r.query()).map(ApiResponse::ok)),
        Map.entry("createRun", r -> service.createRun(r.userId(), r.bodyAsJson()).map(run -> created("runs", run))),
        Map.entry("getRun", r -> service.getRun(r.userId(), r.pathParam("id")).map(ApiResponse::ok)),
        Map.entry("updateRun", r -> service.updateRun(r.userId(), r.pathParam("id"), r.bodyAsJson()).map(ApiResponse::ok)),
        Map.entry("deleteRun", r -> service.deleteRun(r.userId(), r.pathParam("id")).map(v -> ApiResponse.noContent())),
        Map.entry("setRunWorkout",
            r -> service.setRunWorkout(r.userId(), r.pathParam("id"), r.bodyAsJson()).map(ApiResponse::ok)),
        Map.entry("getAthleteSettings", r -> service.getAthleteSettings(r.userId(), r.query()).map(ApiResponse::ok)),
        Map.entry("putAthleteSettings",
            r -> service.putAthleteSettings(r.userId(), r.bodyAsJson()).map(ApiResponse::ok)),
        Map.entry("getSummary", r -> service.summary(r.userId(), r.query()).map(ApiResponse::ok)),
        Map.entry("getPlanProgress", r -> service.planProgress(r.userId(), r.pathParam("id")).map(ApiResponse::ok)),
        Map.entry("getGoals", r -> service.goals(r.userId(), r.query()).map(ApiResponse::ok)),
        Map.entry("getLoad", r -> service.load(r.userId(), r.query()).map(ApiResponse::ok)),
        Map.entry("getPredictions", r -> service.predictions(r.userId(), r.query()).map(ApiResponse::ok)),
        Map.entry("listShares", r -> service.listShares(r.userId(), r.query()).map(ApiResponse::ok)),
        Map.entry("createShare", r -> service.createShare(r.userId(), r.bodyAsJson()).map(s -> created("shares", s))),
        Map.entry("getShare", r -> service.getShare(r.userId(), r.pathParam("id")).map(ApiResponse::ok)),
        Map.entry("updateShare", r -> service.updateShare(r.userId(), r.pathParam("id"), r.bodyAsJson()).map(ApiResponse::ok)),
        Map.entry("deleteShare", r -> service.deleteShare(r.userId(), r.pathParam("id")).map(v -> ApiResponse.noContent())),
        Map.entry("listInvitations", r -> service.listInvitations(r.userId(), r.query()).map(ApiResponse::ok)),
        Map.entry("acceptInvitation",
            r -> service.acceptInvitation(r.userId(), r.pathParam("id")).map(ApiResponse::ok)),
        Map.entry("listAthletes", r -> service.listAthletes(r.userId(), r.query()).map(ApiResponse::ok)),
        Map.entry("createCalendarFeed", r -> service.createCalendarFeed(r.userId(), r.bodyAsJson())
            .map(feed -> new ApiResponse(201, new JsonObject(), feed))),
        Map.entry("listCalendarFeeds", r -> service.listCalendarFeeds(r.userId()).map(ApiResponse::ok)),
        Map.entry("deleteCalendarFeed",
            r -> service.deleteCalendarFeed(r.userId(), r.query()).map(v -> ApiResponse.noContent())),
        Map.entry("getCalendarFeed", r -> service.calendarFeed(r.pathParam("file"), r.client().getString("ip"))
            .map(calendar -> calendarAnswer(calendar, r.header("If-None-Match")))));
  }

  /** The athlete a coach acts for, from the {@code athlete_id} query parameter; null for the caller's own. */
  private static String athlete(ApiRequest request) {
    return request.query().getString("athlete_id");
  }

  private static ApiResponse calendarAnswer(CalendarFile calendar, String ifNoneMatch) {
    if (calendar.matches(ifNoneMatch)) {
      return new ApiResponse(304, new JsonObject(), null)
          .withHeader("ETag", calendar.etag()).withHeader("Cache-Control", CALENDAR_CACHE);
    }
    return ApiResponse.text(200, "text/calendar; charset=utf-8", calendar.text())
        .withHeader("ETag", calendar.etag()).withHeader("Cache-Control", CALENDAR_CACHE);
  }

  private static ApiResponse created(String collection, JsonObject resource) {
    return ApiResponse.created(resource, "/api/v1/" + collection + "/" + resource.getString("id"));
  }
}
