package com.runningtrainer.gateway;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.TestHttp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Strava's webhook through the gateway: routed without a bearer token, validated at the edge, and
 * held to a rate limit of its own rather than the per-address one, since Strava sends bursts from
 * few addresses. Each test counting by address has its own loopback address.
 */
class GatewayWebhookTest {

  private static final String WEBHOOK = "/api/v1/strava/webhook";
  private static final String VERIFY_TOKEN = "gateway webhook token";
  private static final AtomicLong ACTIVITY_IDS = new AtomicLong(8_200_000_000L);

  private static GatewayPlatform platform;

  @BeforeAll
  static void start() {
    platform = GatewayPlatform.start(GatewayWebhookTest.class, Map.of("GATEWAY_SERVICES", "auth,strava",
        "STRAVA_WEBHOOK_VERIFY_TOKEN", VERIFY_TOKEN,
        "RT_DATA_DIR", System.getProperty("java.io.tmpdir") + "/gateway-webhook-" + UUID.randomUUID()), false, false, true);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void theSubscriptionCheckPassesWithoutABearerToken() {
    var response = platform.gateway.get(WEBHOOK + "?hub.mode=subscribe&hub.challenge=abc123&hub.verify_token="
        + VERIFY_TOKEN.replace(" ", "%20"), null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("hub.challenge", "abc123"));
  }

  @Test
  void anEventPassesWithoutABearerTokenAndIsAcknowledged() {
    var response = platform.gateway.post(WEBHOOK, null, event());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getBoolean("received")).isTrue();
  }

  @Test
  void aMalformedEventIsRefusedAtTheEdge() {
    assertProblem(platform.gateway.post(WEBHOOK, null, event().put("object_id", "one")), 400);
  }

  @Test
  void theWebhookHasABudgetOfItsOwnBesideTheAnonymousOne() {
    TestHttp gateway = platform.gateway(Map.of("RATE_LIMIT_PER_IP", "1", "RATE_LIMIT_WEBHOOK", "3"), "127.0.0.41");
    gateway.get("/api/v1/strava/connection", null);
    assertProblem(gateway.get("/api/v1/strava/connection", null), 429);

    List<HttpResponse<Buffer>> events = IntStream.range(0, 3).mapToObj(i -> gateway.post(WEBHOOK, null, event())).toList();

    assertThat(events).allSatisfy(answer -> {
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.getHeader("RateLimit-Limit")).isEqualTo("3");
    });
    var refused = gateway.post(WEBHOOK, null, event());
    assertProblem(refused, 429);
    assertThat(refused.getHeader("Retry-After")).isNotNull();
  }

  @Test
  void aBurstFromOneAddressIsNotHeldToTheAnonymousLimit() {
    TestHttp gateway = platform.gateway(Map.of("RATE_LIMIT_PER_IP", "100"), "127.0.0.42");

    List<Future<HttpResponse<Buffer>>> burst = IntStream.range(0, 200)
        .mapToObj(i -> gateway.request(HttpMethod.POST, WEBHOOK, null).sendJsonObject(event())).toList();

    assertThat(Future.all(burst).await().<HttpResponse<Buffer>>list()).allSatisfy(answer ->
        assertThat(answer.statusCode()).isEqualTo(200));
  }

  private static JsonObject event() {
    return new JsonObject().put("object_type", "activity").put("object_id", ACTIVITY_IDS.incrementAndGet())
        .put("aspect_type", "create").put("owner_id", 4_242).put("subscription_id", 1)
        .put("event_time", System.currentTimeMillis() / 1000).put("updates", new JsonObject());
  }
}
