package com.runningtrainer.gateway;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.tracing.Tracing;
import com.runningtrainer.common.tracing.TracingSettings;
import com.runningtrainer.testsupport.LogCapture;
import com.runningtrainer.testsupport.TestHttp;
import com.runningtrainer.testsupport.TestPorts;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One request is one trace, from the gateway into the service and its SQL, over the event bus
 * and over HTTP, and on into the PDF job it queues; its trace id is in its access-log line and
 * in its problems. The real auth, trainer and pdf services behind the gateway, every span kept
 * in memory.
 */
class TracingTest {

  private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
  private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
  private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
  private static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");

  private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
  private static Tracing tracing;
  private static GatewayPlatform platform;
  private static TestHttp overHttp;
  private static int trainerPort;

  @BeforeAll
  static void start() throws IOException {
    tracing = Tracing.recording(new TracingSettings(Optional.empty(), "tracing-test", Sampler.alwaysOn()),
        SimpleSpanProcessor.create(SPANS));
    platform = GatewayPlatform.startTraced(TracingTest.class, Map.of(
        "GATEWAY_SERVICES", "auth,trainer,pdf",
        "PDF_PORT", String.valueOf(TestPorts.free()),
        "PDF_DIR", Files.createTempDirectory("tracing-pdf").toString(),
        "PDF_POLL_MS", "100"), tracing);
    trainerPort = platform.config.integer("TRAINER_PORT", 0);
    overHttp = platform.gateway(Map.of("TRAINER_UPSTREAM", "http://127.0.0.1:" + trainerPort));
  }

  @AfterAll
  static void stop() {
    platform.close();
    tracing.shutdown();
  }

  @Test
  void aPlanReadOverTheEventBusIsOneTraceFromTheGatewayIntoTheTrainersSql() {
    String token = platform.newUser();
    String plan = newPlan(token);
    String traceId = newTraceId();

    HttpResponse<Buffer> read = withTraceparent(platform.gateway, "/api/v1/plans/" + plan, token, traceId);

    assertThat(read.statusCode()).isEqualTo(200);
    SpanData gateway = await(traceId, span -> span.getKind() == SpanKind.SERVER && path(span).endsWith(plan));
    SpanData sent = await(traceId, span -> span.getKind() == SpanKind.CLIENT && "trainer.api".equals(
        span.getAttributes().get(DESTINATION)) && span.getParentSpanId().equals(gateway.getSpanId()));
    SpanData served = await(traceId, span -> span.getKind() == SpanKind.SERVER && "trainer.api".equals(
        span.getAttributes().get(DESTINATION)) && span.getParentSpanId().equals(sent.getSpanId()));
    await(traceId, span -> "postgresql".equals(span.getAttributes().get(DB_SYSTEM))
        && span.getParentSpanId().equals(served.getSpanId()));
  }

  @Test
  void aPlanReadForwardedOverHttpIsOneTraceFromTheGatewayIntoTheTrainersSql() {
    String token = platform.newUser();
    String plan = newPlan(token);
    String traceId = newTraceId();

    HttpResponse<Buffer> read = withTraceparent(overHttp, "/api/v1/plans/" + plan, token, traceId);

    assertThat(read.statusCode()).isEqualTo(200);
    SpanData forwarded = await(traceId, span -> span.getKind() == SpanKind.CLIENT
        && String.valueOf(span.getAttributes().get(URL_FULL)).startsWith("http://127.0.0.1:" + trainerPort + "/"));
    SpanData gateway = await(traceId, span -> span.getSpanId().equals(forwarded.getParentSpanId()));
    assertThat(gateway.getKind()).isEqualTo(SpanKind.SERVER);
    SpanData served = await(traceId, span -> span.getKind() == SpanKind.SERVER
        && span.getParentSpanId().equals(forwarded.getSpanId()));
    await(traceId, span -> "postgresql".equals(span.getAttributes().get(DB_SYSTEM))
        && span.getParentSpanId().equals(served.getSpanId()));
  }

  @Test
  void theAccessLogLineOfARequestCarriesItsTraceId() {
    String token = platform.newUser();
    String plan = newPlan(token);
    try (LogCapture log = LogCapture.ofLoggers("access")) {
      assertThat(platform.gateway.get("/api/v1/plans/" + plan, token).statusCode()).isEqualTo(200);

      String traceId = awaitAny(span -> span.getKind() == SpanKind.SERVER && path(span).endsWith(plan)).getTraceId();
      // The line is logged once the answer has gone, which may be after the client has it.
      awaitTrue(() -> log.fields("GET /api/v1/plans/{id} 200").stream()
          .anyMatch(line -> traceId.equals(line.getString("trace_id"))), "an access log line with trace id " + traceId);
    }
  }

  @Test
  void aProblemFromTheServiceCarriesTheTraceIdOfTheRequest() {
    String token = platform.newUser();
    String missing = "/api/v1/plans/00000000-0000-4000-8000-000000000000";

    JsonObject problem = assertProblem(platform.gateway.get(missing, token), 404);

    String traceId = problem.getString("trace_id");
    assertThat(traceId).matches("[0-9a-f]{32}");
    await(traceId, span -> span.getKind() == SpanKind.SERVER && path(span).equals(missing));
    await(traceId, span -> "postgresql".equals(span.getAttributes().get(DB_SYSTEM)));
  }

  @Test
  void aProblemOfTheGatewaysOwnCarriesTheTraceIdOfTheRequest() {
    JsonObject problem = assertProblem(platform.gateway.get("/api/v1/plans", null), 401);

    String traceId = problem.getString("trace_id");
    assertThat(traceId).matches("[0-9a-f]{32}");
    await(traceId, span -> span.getKind() == SpanKind.SERVER && path(span).equals("/api/v1/plans"));
  }

  @Test
  void aPdfRenderContinuesTheTraceOfTheRequestThatQueuedIt() {
    String token = platform.newUser();
    String plan = newPlan(token);
    String traceId = newTraceId();

    HttpResponse<Buffer> queued = platform.gateway.request(HttpMethod.POST, "/api/v1/pdf/plans/" + plan + "/generate", token)
        .putHeader("traceparent", traceparent(traceId)).sendJsonObject(new JsonObject()).await();

    assertThat(queued.statusCode()).isEqualTo(202);
    SpanData render = await(traceId, span -> span.getName().equals("pdf render"));
    // Under the span that queued the job, the pdf service's of the request...
    SpanData queuing = await(traceId, span -> span.getSpanId().equals(render.getParentSpanId()));
    assertThat(queuing.getAttributes().get(DESTINATION)).isEqualTo("pdf.api");
    // ...and over the job's own calls: the plan asked of the trainer over the event bus.
    await(traceId, span -> span.getKind() == SpanKind.CLIENT && "trainer.plan-prints".equals(
        span.getAttributes().get(DESTINATION)) && span.getParentSpanId().equals(render.getSpanId()));
  }

  private static String newPlan(String token) {
    return platform.gateway.post("/api/v1/plans", token, GatewayPlatform.plan()).bodyAsJsonObject().getString("id");
  }

  private static HttpResponse<Buffer> withTraceparent(TestHttp http, String path, String token, String traceId) {
    return http.request(HttpMethod.GET, path, token).putHeader("traceparent", traceparent(traceId)).send().await();
  }

  /** A trace begun by the client: the gateway continues it. */
  private static String traceparent(String traceId) {
    return "00-" + traceId + "-" + randomHex(8) + "-01";
  }

  private static String newTraceId() {
    return randomHex(16);
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private static String path(SpanData span) {
    return String.valueOf(span.getAttributes().get(URL_PATH));
  }

  private static SpanData await(String traceId, Predicate<SpanData> wanted) {
    return awaitAny(span -> span.getTraceId().equals(traceId) && wanted.test(span));
  }

  /** The span wanted, once it has ended: a server's span ends after its client has the answer. */
  private static SpanData awaitAny(Predicate<SpanData> wanted) {
    awaitTrue(() -> SPANS.getFinishedSpanItems().stream().anyMatch(wanted), "a span wanted");
    return SPANS.getFinishedSpanItems().stream().filter(wanted).findFirst().orElseThrow();
  }

  private static void awaitTrue(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited 10 s for " + what + "; ended spans: " + SPANS.getFinishedSpanItems().size());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
