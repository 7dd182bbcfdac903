package com.runningtrainer.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the trainer serves beside its operations: health, metrics, its contract and its docs. */
class InfrastructureTest {

  private static TrainerPlatform platform;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(InfrastructureTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void reportsItselfHealthyWithItsDatabase() {
    var health = platform.trainer.get("/health", null);

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.bodyAsJsonObject().getString("status")).isEqualTo("UP");
    assertThat(health.bodyAsJsonObject().getJsonObject("checks").getString("database")).isEqualTo("UP");
  }

  @Test
  void exportsPrometheusMetricsOfItsHttpServer() {
    platform.trainer.get("/health", null);

    var metrics = platform.trainer.get("/metrics", null);

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.bodyAsString()).contains("vertx_http_server_requests_total");
  }

  @Test
  void servesItsContract() {
    var contract = platform.trainer.get("/openapi.yaml", null);

    assertThat(contract.statusCode()).isEqualTo(200);
    assertThat(contract.bodyAsString()).contains("operationId: getPlanProgress");
  }

  @Test
  void servesSwaggerUiFromItsWebjar() {
    var page = platform.trainer.get("/docs", null);
    var scripts = Pattern.compile("<script src=\"([^\"]+)\"").matcher(page.bodyAsString()).results()
        .map(match -> match.group(1)).toList();

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(scripts).contains("/docs/contracts.js")
        .allSatisfy(script -> assertThat(platform.trainer.get(script, null).statusCode()).isEqualTo(200));
  }

  @Test
  void listsItsContractOnTheDocsPage() {
    var contracts = platform.trainer.get("/docs/contracts.js", null).bodyAsString();

    assertThat(contracts).contains("\"url\":\"/openapi/trainer.yaml\"");
    assertThat(platform.trainer.get("/openapi/trainer.yaml", null).bodyAsString()).contains("operationId: getPlanProgress");
  }

  @Test
  void echoesTheCallersRequestId() {
    var response = platform.trainer.request(HttpMethod.GET, "/health", null).putHeader("X-Request-Id", "trace-42").send()
        .await();

    assertThat(response.getHeader("X-Request-Id")).isEqualTo("trace-42");
  }

  @Test
  void givesARequestIdWhenTheCallerHasNone() {
    assertThat(platform.trainer.get("/health", null).getHeader("X-Request-Id")).hasSizeGreaterThan(16);
  }
}
