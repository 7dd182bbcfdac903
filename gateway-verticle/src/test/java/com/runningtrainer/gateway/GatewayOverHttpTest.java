package com.runningtrainer.gateway;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.TestHttp;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A gateway forwarding to the real trainer and auth over HTTP, which believe the client address
 * it forwards ({@code TRUSTED_PROXIES=127.0.0.1}, the address it connects from) and no one
 * else's, and take the caller only from the bearer token; clients come from other loopback
 * addresses.
 */
class GatewayOverHttpTest {

  private static final String CLIENT = "127.0.0.5";
  // What the gateway once sent and services believed from a trusted address: now nobody's word.
  private static final String VERIFIED_PRINCIPAL = "X-Verified-Principal";

  private static GatewayPlatform platform;
  private static TestHttp gateway;
  private static TestHttp trainerDirect;

  @BeforeAll
  static void start() {
    platform = GatewayPlatform.start(GatewayOverHttpTest.class, Map.of("TRUSTED_PROXIES", "127.0.0.1"), true);
    int trainerPort = platform.config.integer("TRAINER_PORT", 0);
    int authPort = platform.config.integer("AUTH_PORT", 0);
    gateway = platform.gateway(Map.of(
        "TRAINER_UPSTREAM", "http://127.0.0.1:" + trainerPort,
        "AUTH_UPSTREAM", "http://127.0.0.1:" + authPort), CLIENT);
    trainerDirect = new TestHttp(platform.vertx, trainerPort, CLIENT);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void servesTheCallerTheGatewayVerified() {
    String token = platform.newUser();

    var created = gateway.post("/api/v1/plans", token, GatewayPlatform.plan());

    assertThat(created.statusCode()).isEqualTo(201);
    var read = gateway.get("/api/v1/plans/" + created.bodyAsJsonObject().getString("id"), token);
    assertThat(read.statusCode()).isEqualTo(200);
  }

  @Test
  void refusesARevokedTokenAtTheEdge() {
    String token = platform.newUser();
    gateway.post("/api/v1/auth/logout", token, new JsonObject());

    assertProblem(gateway.get("/api/v1/plans", token), 401);
  }

  @Test
  void believesNoForwardedCallerWithoutAToken() {
    TestHttp fromTheGatewaysAddress = new TestHttp(platform.vertx, platform.config.integer("TRAINER_PORT", 0), "127.0.0.1");
    JsonObject caller = new JsonObject().put("sub", UUID.randomUUID().toString());

    var response = fromTheGatewaysAddress.request(HttpMethod.GET, "/api/v1/plans", null)
        .putHeader(VERIFIED_PRINCIPAL, encoded(caller)).send().await();

    assertProblem(response, 401);
  }

  @Test
  void takesTheCallerFromTheTokenNotFromAForwardedPrincipal() {
    String token = platform.newUser();
    TestHttp fromTheGatewaysAddress = new TestHttp(platform.vertx, platform.config.integer("TRAINER_PORT", 0), "127.0.0.1");
    String planId = gateway.post("/api/v1/plans", token, GatewayPlatform.plan()).bodyAsJsonObject().getString("id");
    JsonObject someoneElse = new JsonObject().put("sub", UUID.randomUUID().toString());

    var response = fromTheGatewaysAddress.request(HttpMethod.GET, "/api/v1/plans/" + planId, token)
        .putHeader(VERIFIED_PRINCIPAL, encoded(someoneElse)).send().await();

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void ignoresAForwardedCallerFromAnAddressItDoesNotTrust() {
    JsonObject forged = new JsonObject().put("sub", UUID.randomUUID().toString());

    var response = trainerDirect.request(HttpMethod.GET, "/api/v1/plans", null)
        .putHeader(VERIFIED_PRINCIPAL, encoded(forged)).send().await();

    assertProblem(response, 401);
  }

  @Test
  void letsTheServiceSeeTheClientsAddress() {
    JsonObject credentials = new JsonObject().put("email", "over-http-" + UUID.randomUUID() + "@example.com")
        .put("password", "correct horse battery");
    gateway.post("/api/v1/auth/register", null, credentials);
    String token = gateway.post("/api/v1/auth/login", null, credentials).bodyAsJsonObject().getString("access_token");

    var sessions = gateway.get("/api/v1/auth/sessions", token).bodyAsJsonObject().getJsonArray("items");

    assertThat(sessions.getJsonObject(0).getString("ip")).isEqualTo(CLIENT);
  }

  private static String encoded(JsonObject claims) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
  }
}
