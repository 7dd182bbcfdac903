package com.runningtrainer.strava;

import com.runningtrainer.common.api.ApiHandler;
import com.runningtrainer.common.api.ApiRequest;
import com.runningtrainer.common.api.ApiResponse;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** One handler per operationId of {@code openapi/strava.yaml}, each a call of the service. */
public final class StravaApi {

  private final StravaService service;

  public StravaApi(StravaService service) {
    this.service = service;
  }

  public Map<String, ApiHandler> operations() {
    return Map.of(
        "stravaAuthorize", this::authorize,
        "stravaCallbackGet", r -> service.finishConnection(r.query().getString("state"), r.query().getString("code"),
            r.query().getString("scope"), r.query().getString("error")).map(ApiResponse::ok),
        "stravaCallbackPost", r -> {
          JsonObject body = r.bodyAsJson();
          return service.finishConnection(body.getString("state"), body.getString("code"), body.getString("scope"),
              body.getString("error")).map(ApiResponse::ok);
        },
        "getStravaConnection", r -> service.connection(r.userId()).map(ApiResponse::ok),
        "deleteStravaConnection", r -> service.disconnect(r.userId()).map(v -> ApiResponse.noContent()),
        "startStravaSync", this::startSync,
        "getStravaSync", r -> service.sync(r.userId(), r.pathParam("id")).map(ApiResponse::ok),
        "listStravaActivities", r -> service.activities(r.userId(), r.query()).map(ApiResponse::ok),
        "pushStravaWorkout", r -> service.pushWorkout(r.userId(), r.pathParam("id")).map(ApiResponse::ok));
  }

  /** 202 with the job to follow, whether queued now or already open. */
  private Future<ApiResponse> startSync(ApiRequest request) {
    return service.startSync(request.userId()).map(job -> {
      job.remove("new");
      return new ApiResponse(202, new JsonObject().put("Location", "/api/v1/strava/sync/" + job.getString("sync_id")), job);
    });
  }

  /** A redirect for a browser; the URL itself for a web client that asks for JSON. */
  private Future<ApiResponse> authorize(ApiRequest request) {
    String accept = request.header("Accept");
    boolean json = accept != null && accept.contains("application/json");
    return service.authorizeUrl(request.userId()).map(url -> json
        ? ApiResponse.ok(new JsonObject().put("authorize_url", url))
        : new ApiResponse(302, new JsonObject().put("Location", url).put("Cache-Control", "no-store"), null));
  }
}
