package com.runningtrainer.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.runningtrainer.common.api.ApiRequest;
import com.runningtrainer.common.api.ApiResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same operations over the event bus: the envelope at trainer.api, and the proxy other services call. */
class EventBusApiTest {

  private static TrainerPlatform platform;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(EventBusApiTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static ApiResponse call(String operationId, JsonObject path, JsonObject body, String userId) {
    ApiRequest request = new ApiRequest(operationId, path, new JsonObject(), body, new JsonObject().put("sub", userId),
        new JsonObject(), "rq-1");
    JsonObject reply = platform.vertx.eventBus().<JsonObject>request("trainer.api", request.toJson()).await().body();
    return ApiResponse.fromJson(reply);
  }

  @Test
  void servesAnOperationFromItsEnvelope() {
    String userId = UUID.randomUUID().toString();
    JsonObject plan = new JsonObject().put("name", "Base").put("start_date", "2026-01-05").put("end_date", "2026-02-01");

    ApiResponse created = call("createPlan", new JsonObject(), plan, userId);
    ApiResponse read = call("getPlan", new JsonObject().put("id", ((JsonObject) created.body()).getString("id")),
        null, userId);

    assertThat(created.status()).isEqualTo(201);
    assertThat(read.status()).isEqualTo(200);
    assertThat(((JsonObject) read.body()).getString("name")).isEqualTo("Base");
  }

  @Test
  void answersAFailureAsAProblem() {
    ApiResponse missing = call("getPlan", new JsonObject().put("id", UUID.randomUUID().toString()), null,
        UUID.randomUUID().toString());

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.headers().getString("Content-Type")).isEqualTo("application/problem+json");
    assertThat(((JsonObject) missing.body()).getString("detail")).isEqualTo("plan not found");
  }

  @Test
  void answersAnUnknownOperationWith404() {
    assertThat(call("launchRocket", new JsonObject(), null, UUID.randomUUID().toString()).status()).isEqualTo(404);
  }

  @Test
  void servesRunImportsAsAProxyThatKeepsTheStatusOfAFailure() {
    String owner = UUID.randomUUID().toString();
    JsonObject run = new JsonObject().put("strava_activity_id", 42L).put("actual_date", "2026-01-05")
        .put("distance_km", 5.0).put("duration_minutes", 30.0);

    JsonObject imported = platform.runImports().importRun(owner, run).await();

    assertThat(imported.getJsonObject("run").getString("owner_id")).isEqualTo(owner);
    assertThatThrownBy(() -> platform.runImports().importRun(owner, new JsonObject().put("strava_activity_id", 43L)).await())
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failureCode()).isEqualTo(400));
  }
}
