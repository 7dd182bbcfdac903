package com.runningtrainer.gateway;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.TestHttp;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GatewayRoutingTest {

  private static GatewayPlatform platform;
  private static TestHttp trainer;

  @BeforeAll
  static void start() {
    platform = GatewayPlatform.start(GatewayRoutingTest.class);
    trainer = new TestHttp(platform.vertx, platform.config.integer("TRAINER_PORT", 0));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void servesATrainerOperationAtTheServicesPath() {
    String token = platform.newUser();

    var created = platform.gateway.post("/api/v1/plans", token, GatewayPlatform.plan());

    assertThat(created.statusCode()).isEqualTo(201);
    String id = created.bodyAsJsonObject().getString("id");
    assertThat(created.getHeader("Location")).isEqualTo("/api/v1/plans/" + id);
    assertThat(trainer.get("/api/v1/plans/" + id, token).bodyAsJsonObject().getString("name")).isEqualTo("Spring 10k");
  }

  @Test
  void servesAnAuthOperation() {
    String token = platform.newUser();

    var me = platform.gateway.get("/api/v1/auth/me", token);

    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.bodyAsJsonObject().getString("email")).startsWith("runner-");
  }

  @Test
  void logsInThroughTheGateway() {
    var credentials = new JsonObject().put("email", "edge-" + System.nanoTime() + "@example.com")
        .put("password", "correct horse battery");
    platform.gateway.post("/api/v1/auth/register", null, credentials);

    var login = platform.gateway.post("/api/v1/auth/login", null, credentials);

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.bodyAsJsonObject().getString("access_token")).isNotBlank();
  }

  @Test
  void passesAQueryValueOnAsItWasSent() {
    String tag = UUID.randomUUID().toString();
    String admin = platform.newAdmin("admin+" + tag + "@example.com");

    var plus = platform.gateway.get("/api/v1/auth/admin/users?email=%2B" + tag, admin);
    var percent = platform.gateway.get("/api/v1/auth/admin/users?email=%25", admin);
    var bare = platform.gateway.get("/api/v1/auth/admin/users?email=50%", admin);

    assertThat(plus.bodyAsJsonObject().getLong("total")).as(plus.bodyAsString()).isEqualTo(1);
    assertThat(percent.statusCode()).as(percent.bodyAsString()).isEqualTo(200);
    assertFieldProblem(bare, 400, "email");
  }

  @Test
  void answersARequestLineTooLongToReadWithA414Problem() {
    String token = platform.newUser();

    var response = platform.gateway.get("/api/v1/plans?from=" + "x".repeat(10_000), token);

    assertProblem(response, 414);
  }

  @Test
  void answersAnotherUsersPlanWith404() {
    String owner = platform.newUser();
    String id = platform.gateway.post("/api/v1/plans", owner, GatewayPlatform.plan()).bodyAsJsonObject().getString("id");

    var response = platform.gateway.get("/api/v1/plans/" + id, platform.newUser());

    assertProblem(response, 404);
  }

  @Test
  void refusesAnInvalidBodyAtTheEdge() {
    var response = platform.gateway.post("/api/v1/plans", platform.newUser(), new JsonObject().put("name", ""));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
  }

  @Test
  void refusesAnInvalidPathParameterAtTheEdge() {
    assertFieldProblem(platform.gateway.get("/api/v1/plans/not-a-uuid", platform.newUser()), 400, "id");
  }

  @Test
  void refusesARequestWithoutATokenWith401() {
    assertProblem(platform.gateway.get("/api/v1/plans", null), 401);
  }

  @Test
  void refusesARevokedToken() {
    String token = platform.newUser();
    platform.gateway.post("/api/v1/auth/logout", token, new JsonObject());

    assertProblem(platform.gateway.get("/api/v1/plans", token), 401);
  }

  @Test
  void answersAnUnknownPathWith404() {
    assertProblem(platform.gateway.get("/api/v1/nothing-here", platform.newUser()), 404);
  }

  @Test
  void answersAnUnknownVersionWith404() {
    assertProblem(platform.gateway.get("/api/v2/plans", platform.newUser()), 404);
  }

  @Test
  void answersAnUnknownMethodWith405() {
    assertProblem(platform.gateway.request(HttpMethod.PATCH, "/api/v1/plans", platform.newUser()).send().await(), 405);
  }

  @Test
  void refusesABodyOverTheLimitWith413() {
    String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";

    var response = platform.gateway.send(HttpMethod.POST, "/api/v1/plans", platform.newUser(), "application/json", big);

    assertProblem(response, 413);
  }

  @Test
  void keepsTheCallersRequestId() {
    var response = platform.gateway.request(HttpMethod.GET, "/api/v1/plans", platform.newUser())
        .putHeader("X-Request-Id", "edge-trace-7").send().await();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("X-Request-Id")).isEqualTo("edge-trace-7");
  }

  @Test
  void listsEveryServicesContractOnItsDocsPage() {
    String contracts = platform.gateway.get("/docs/contracts.js", null).bodyAsString();

    assertThat(contracts).contains("/openapi/auth.yaml", "/openapi/trainer.yaml");
    assertThat(platform.gateway.get("/openapi/auth.yaml", null).bodyAsString()).contains("operationId: login");
    assertThat(platform.gateway.get("/docs", null).statusCode()).isEqualTo(200);
  }

  @Test
  void exportsItsHttpMetricsByRouteAndItsBreakers() {
    String token = platform.newUser();
    String id = platform.gateway.post("/api/v1/plans", token, GatewayPlatform.plan()).bodyAsJsonObject().getString("id");
    platform.gateway.get("/api/v1/plans/" + id, token);

    String metrics = platform.gateway.get("/metrics", null).bodyAsString();

    assertThat(metrics).containsPattern("vertx_http_server_requests_total\\{code=\"200\",method=\"GET\",route=\"[^\"]*/plans/:id\"}")
        .contains("circuit_breaker_state{name=\"trainer\"} 0.0");
    assertThat(metrics).doesNotContain(id);
  }

  @Test
  void reportsItsHealth() {
    var health = platform.gateway.get("/health", null);

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.bodyAsJsonObject().getString("service")).isEqualTo("gateway");
  }
}
