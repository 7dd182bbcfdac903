package com.runningtrainer.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.VertxFactory;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JobTracesTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";

  private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
  private static Tracing tracing;
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    tracing = Tracing.recording(new TracingSettings(Optional.empty(), "test", Sampler.alwaysOn()),
        SimpleSpanProcessor.create(SPANS));
    vertx = VertxFactory.create(tracing);
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
    tracing.shutdown();
  }

  @Test
  void aJobRunsInASpanOfTheTraceItWasStoredWith() {
    String seen = JobTraces.run(vertx, "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01", "job with parent",
        () -> Future.succeededFuture(Traces.currentTraceId())).await();

    SpanData job = span("job with parent");
    assertThat(seen).isEqualTo(TRACE_ID);
    assertThat(job.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(job.getParentSpanId()).isEqualTo(PARENT_SPAN_ID);
  }

  @Test
  void aJobStoredWithoutATraceBeginsOne() {
    String seen = JobTraces.run(vertx, null, "job without parent", () -> Future.succeededFuture(Traces.currentTraceId()))
        .await();

    SpanData job = span("job without parent");
    assertThat(job.getTraceId()).isEqualTo(seen);
    assertThat(job.getParentSpanContext().isValid()).isFalse();
  }

  @Test
  void theJobsSpanEndsWithItsFailure() {
    Future<Object> failed = JobTraces.run(vertx, null, "failing job", () -> Future.failedFuture(new IllegalStateException(
        "no plan"))).otherwiseEmpty();
    failed.await();

    assertThat(span("failing job").getEvents()).anyMatch(event -> event.getName().equals("exception"));
  }

  private static SpanData span(String name) {
    return SPANS.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name)).findFirst().orElseThrow();
  }
}
