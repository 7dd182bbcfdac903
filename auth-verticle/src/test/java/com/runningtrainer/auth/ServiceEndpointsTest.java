package com.runningtrainer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the auth service serves beside its operations: health, its contract, errors, request ids. */
class ServiceEndpointsTest {

  private static AuthPlatform platform;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(ServiceEndpointsTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void noLoginProviderIsListedWhenNoneIsConfigured() {
    HttpResponse<Buffer> response = platform.http.get("/api/v1/auth/oauth/providers", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getJsonArray("providers")).isEmpty();
  }

  @Test
  void healthIsUpWithItsDatabaseAndRedis() {
    HttpResponse<Buffer> response = platform.http.get("/health", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject health = response.bodyAsJsonObject();
    assertThat(health.getString("service")).isEqualTo("auth");
    assertThat(health.getString("status")).isEqualTo("UP");
    assertThat(health.getJsonObject("checks").getString("database")).isEqualTo("UP");
    assertThat(health.getJsonObject("checks").getString("redis")).isEqualTo("UP");
  }

  @Test
  void openapiYamlServesTheAuthContract() throws IOException {
    String contract;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi/auth.yaml")) {
      assertThat(in).isNotNull();
      contract = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    HttpResponse<Buffer> response = platform.http.get("/openapi.yaml", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).contains("yaml");
    assertThat(response.bodyAsString(StandardCharsets.UTF_8.name())).isEqualTo(contract);
  }

  @Test
  void anUnknownPathUnderTheApiIsNotFoundAsAProblem() {
    HttpResponse<Buffer> response = platform.http.get("/api/v1/auth/nothing-here", null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getInteger("status")).isEqualTo(404);
    assertThat(problem.getString("title")).isEqualTo("Not Found");
  }

  @Test
  void anUnknownPathOutsideTheApiIsNotFoundAsAProblem() {
    HttpResponse<Buffer> response = platform.http.get("/nothing-here", null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
  }

  @Test
  void aMethodTheContractDoesNotListIsNotAllowed() {
    HttpResponse<Buffer> response = platform.http.request(HttpMethod.DELETE, "/api/v1/auth/jwks.json", null).send().await();

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
  }

  @Test
  void aRequestIdSentIsEchoedBack() {
    String requestId = "test-" + UUID.randomUUID();

    HttpResponse<Buffer> response = platform.http.request(HttpMethod.GET, "/health", null)
        .putHeader("X-Request-Id", requestId).send().await();

    assertThat(response.getHeader("X-Request-Id")).isEqualTo(requestId);
  }

  @Test
  void aRequestIdSentIsEchoedBackOnAnError() {
    String requestId = "test-" + UUID.randomUUID();

    HttpResponse<Buffer> response = platform.http.request(HttpMethod.GET, "/api/v1/auth/me", null)
        .putHeader("X-Request-Id", requestId).send().await();

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.getHeader("X-Request-Id")).isEqualTo(requestId);
  }

  @Test
  void aRequestIdIsGeneratedWhenNoneIsSent() {
    HttpResponse<Buffer> first = platform.http.get("/health", null);
    HttpResponse<Buffer> second = platform.http.get("/health", null);

    assertThat(first.getHeader("X-Request-Id")).isNotBlank();
    assertThat(second.getHeader("X-Request-Id")).isNotBlank().isNotEqualTo(first.getHeader("X-Request-Id"));
  }

  @Test
  void anUnsafeRequestIdIsReplacedNotEchoed() {
    String unsafe = "evil\"<script>";

    HttpResponse<Buffer> response = platform.http.request(HttpMethod.GET, "/health", null)
        .putHeader("X-Request-Id", unsafe).send().await();

    assertThat(response.getHeader("X-Request-Id")).isNotBlank().isNotEqualTo(unsafe);
  }
}
