package com.runningtrainer.gateway;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.TestHttp;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rate limits and CORS at the edge. Each test has gateways of its own and, where it counts by
 * address, its own loopback address, so that no two tests spend the same budget.
 */
class GatewayLimitsTest {

  private static final String PLANS = "/api/v1/plans";

  private static GatewayPlatform platform;

  @BeforeAll
  static void start() {
    platform = GatewayPlatform.start(GatewayLimitsTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static TestHttp gateway(Map<String, String> limits, String clientAddress) {
    return platform.gateway(limits, clientAddress);
  }

  @Test
  void saysTheLimitOnEveryAnswer() {
    TestHttp gateway = gateway(Map.of("RATE_LIMIT_PER_USER", "50", "RATE_LIMIT_WINDOW_SECONDS", "60"), null);

    var response = gateway.get(PLANS, platform.newUser());

    assertThat(response.getHeader("RateLimit-Limit")).isEqualTo("50");
    assertThat(response.getHeader("RateLimit-Remaining")).isEqualTo("49");
    assertThat(Integer.parseInt(response.getHeader("RateLimit-Reset"))).isBetween(1, 60);
    assertThat(response.getHeader("RateLimit-Policy")).isEqualTo("50;w=60");
  }

  @Test
  void refusesAUserOverTheirLimitWith429AndRetryAfter() {
    TestHttp gateway = gateway(Map.of("RATE_LIMIT_PER_USER", "2"), null);
    String token = platform.newUser();
    gateway.get(PLANS, token);
    gateway.get(PLANS, token);

    var refused = gateway.get(PLANS, token);

    assertProblem(refused, 429);
    assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60);
    assertThat(refused.getHeader("RateLimit-Remaining")).isEqualTo("0");
  }

  @Test
  void countsEachUserApart() {
    TestHttp gateway = gateway(Map.of("RATE_LIMIT_PER_USER", "1"), null);
    gateway.get(PLANS, platform.newUser());

    assertThat(gateway.get(PLANS, platform.newUser()).statusCode()).isEqualTo(200);
  }

  @Test
  void countsAnonymousRequestsByAddress() {
    TestHttp gateway = gateway(Map.of("RATE_LIMIT_PER_IP", "1"), "127.0.0.21");
    TestHttp neighbour = platform.gateway(Map.of("RATE_LIMIT_PER_IP", "1"), "127.0.0.22");
    gateway.get(PLANS, null);

    assertProblem(gateway.get(PLANS, null), 429);
    assertProblem(neighbour.get(PLANS, null), 401);
  }

  @Test
  void holdsTheAuthOperationsToAStricterLimit() {
    TestHttp gateway = gateway(Map.of("RATE_LIMIT_AUTH", "1", "RATE_LIMIT_PER_IP", "100"), "127.0.0.23");
    JsonObject credentials = new JsonObject().put("email", "nobody@example.com").put("password", "correct horse battery");
    gateway.post("/api/v1/auth/login", null, credentials);

    assertProblem(gateway.post("/api/v1/auth/login", null, credentials), 429);
    assertProblem(gateway.get(PLANS, null), 401);
  }

  @Test
  void countsTheAuthOperationsByAddressWhateverTokenTheyCarry() {
    TestHttp gateway = gateway(Map.of("RATE_LIMIT_AUTH", "1", "RATE_LIMIT_PER_USER", "100"), "127.0.0.24");
    JsonObject credentials = new JsonObject().put("email", "victim@example.com").put("password", "correct horse battery");
    gateway.post("/api/v1/auth/login", platform.newUser(), credentials);

    assertProblem(gateway.post("/api/v1/auth/login", platform.newUser(), credentials), 429);
  }

  @Test
  void sharesTheCountAcrossGatewayInstances() {
    Map<String, String> limits = Map.of("RATE_LIMIT_PER_USER", "2");
    TestHttp first = gateway(limits, null);
    TestHttp second = gateway(limits, null);
    String token = platform.newUser();
    first.get(PLANS, token);
    second.get(PLANS, token);

    assertProblem(first.get(PLANS, token), 429);
  }

  @Test
  void letsEveryRequestThroughWhenLimitsAreOff() {
    TestHttp gateway = gateway(Map.of("RATE_LIMIT_ENABLED", "false", "RATE_LIMIT_PER_USER", "1"), null);
    String token = platform.newUser();

    var answers = IntStream.range(0, 3).mapToObj(i -> gateway.get(PLANS, token)).toList();

    assertThat(answers).allSatisfy(answer -> {
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.getHeader("RateLimit-Limit")).isNull();
    });
  }

  @Test
  void answersAPreflightFromAnAllowedOriginAtTheEdge() {
    TestHttp gateway = gateway(Map.of("CORS_ORIGINS", "https://app.example.com"), null);

    var preflight = gateway.request(HttpMethod.OPTIONS, PLANS, null)
        .putHeader("Origin", "https://app.example.com")
        .putHeader("Access-Control-Request-Method", "POST")
        .putHeader("Access-Control-Request-Headers", "Authorization, Content-Type")
        .send().await();

    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
    assertThat(preflight.getHeader("Access-Control-Allow-Methods")).contains("POST");
  }

  @Test
  void refusesAPreflightFromAnotherOrigin() {
    TestHttp gateway = gateway(Map.of("CORS_ORIGINS", "https://app.example.com"), null);

    var preflight = gateway.request(HttpMethod.OPTIONS, PLANS, null)
        .putHeader("Origin", "https://evil.example.net")
        .putHeader("Access-Control-Request-Method", "POST")
        .send().await();

    assertThat(preflight.statusCode()).isEqualTo(403);
    assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void letsTheAllowedOriginReadTheAnswerAndItsHeaders() {
    TestHttp gateway = gateway(Map.of("CORS_ORIGINS", "https://app.example.com"), null);

    var response = gateway.request(HttpMethod.GET, PLANS, platform.newUser())
        .putHeader("Origin", "https://app.example.com").send().await();

    assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
    assertThat(response.getHeader("Access-Control-Expose-Headers")).contains("RateLimit-Remaining");
  }
}
