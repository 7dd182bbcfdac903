package com.runningtrainer.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.api.ApiResponse;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request too long for the HTTP server to read never reaches a router, yet is answered as every
 * bad request is: a problem that says what was too long. A server built as the services build theirs.
 */
class InvalidRequestsTest {

  private static Vertx vertx;
  private static WebClient client;
  private static int port;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    HttpServer server = ContractServer.start(vertx, new ServiceHttp("logcheck", 0,
        Map.of("echo", request -> Future.succeededFuture(ApiResponse.ok(new JsonObject()))), null,
        List.of(), 5_000, Set.of(), Optional.empty()), new ConnectionDrain(0)).await();
    port = server.actualPort();
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void aRequestLineLongerThanTheServerReadsIsA414Problem() {
    HttpResponse<Buffer> response = client.get(port, "127.0.0.1", "/api/v1/echo?delay=" + "1".repeat(10_000))
        .send().await();

    assertProblem(response, 414, "URI Too Long");
    assertThat(response.getHeader("Connection")).isEqualTo("close");
  }

  @Test
  void headersLongerThanTheServerReadsAreA431Problem() {
    HttpResponse<Buffer> response = client.get(port, "127.0.0.1", "/api/v1/echo")
        .putHeader("X-Padding", "x".repeat(10_000)).send().await();

    assertProblem(response, 431, "Request Header Fields Too Large");
  }

  private static void assertProblem(HttpResponse<Buffer> response, int status, String title) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isEqualTo(title);
    assertThat(problem.getString("detail")).contains("longer than");
  }
}
