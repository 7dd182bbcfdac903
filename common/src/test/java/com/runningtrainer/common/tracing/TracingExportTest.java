package com.runningtrainer.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.VertxFactory;
import com.runningtrainer.common.config.Config;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spans go to an OTLP collector over HTTP when one is named, and are not even recorded when none
 * is, while every request still gets a trace id. The collector is a local HTTP server that takes
 * what an OTLP/HTTP collector takes.
 */
class TracingExportTest {

  private Vertx collectorVertx;
  private HttpServer collector;
  private final List<String> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startCollector() {
    collectorVertx = Vertx.vertx();
    collector = collectorVertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> {
          received.add(request.method() + " " + request.path() + " " + request.getHeader("Content-Type"));
          request.response().putHeader("Content-Type", "application/x-protobuf").end();
        }))
        .listen(0, "127.0.0.1").await();
  }

  @AfterEach
  void stopCollector() {
    collectorVertx.close().await();
  }

  @Test
  void sendsTheSpansOfARequestToTheCollectorNamedByTheEndpoint() {
    Tracing tracing = Tracing.start(TracingSettings.from(Config.of(Map.of(
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.actualPort())), "test"));

    String traceId = serveOneRequest(tracing);
    tracing.shutdown().join(10, TimeUnit.SECONDS);

    assertThat(traceId).matches("[0-9a-f]{32}");
    assertThat(received).contains("POST /v1/traces application/x-protobuf");
  }

  @Test
  void recordsNothingWithoutAnEndpointYetGivesEachRequestATraceId() {
    Tracing tracing = Tracing.start(TracingSettings.from(Config.of(Map.of()), "test"));

    String traceId = serveOneRequest(tracing);

    assertThat(traceId).matches("[0-9a-f]{32}");
    assertThat(tracing.getTracer("test").spanBuilder("any").startSpan().isRecording()).isFalse();
    tracing.shutdown();
  }

  /** One request to a server on a traced Vert.x; the trace id its handler saw. */
  private static String serveOneRequest(Tracing tracing) {
    Vertx vertx = VertxFactory.create(tracing);
    try {
      HttpServer server = vertx.createHttpServer()
          .requestHandler(request -> request.response().end(new JsonObject().put("trace_id", Traces.currentTraceId()).encode()))
          .listen(0, "127.0.0.1").await();
      return WebClient.create(vertx).get(server.actualPort(), "127.0.0.1", "/").send().await()
          .bodyAsJsonObject().getString("trace_id");
    } finally {
      vertx.close().await();
    }
  }
}
