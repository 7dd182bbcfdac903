package com.runningtrainer.common.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.vertx.core.spi.VertxTracerFactory;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;

/**
 * The OpenTelemetry a process's Vert.x traces with. Every request gets a trace id, carried to
 * the services it reaches in a W3C {@code traceparent} and written in its access-log line and
 * problems, whether or not traces are exported; spans are recorded only when they are.
 *
 * <p>Traces only, from the tracing SDK alone ({@code OpenTelemetrySdk} would bring the metrics
 * and logs SDKs into the jar: Micrometer does the metrics, logback the logs).
 */
public final class Tracing implements OpenTelemetry {

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  private static final ContextPropagators W3C = ContextPropagators.create(W3CTraceContextPropagator.getInstance());

  private static final Tracing IDS_ONLY = idsOnlyTracing();

  private final SdkTracerProvider tracerProvider;
  private final boolean recording;

  private Tracing(SdkTracerProvider tracerProvider, boolean recording) {
    this.tracerProvider = tracerProvider;
    this.recording = recording;
  }

  /** Recording and exporting over OTLP/HTTP when the settings name an endpoint; ids only otherwise. */
  public static Tracing start(TracingSettings settings) {
    return settings.endpoint()
        .map(endpoint -> recording(settings, BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder()
            .setEndpoint(endpoint.replaceAll("/+$", "") + "/v1/traces").build()).build()))
        .orElseGet(Tracing::idsOnlyTracing);
  }

  /** Recording every span the sampler keeps into {@code processor} (tests give an in-memory exporter). */
  public static Tracing recording(TracingSettings settings, SpanProcessor processor) {
    Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, settings.serviceName())));
    return new Tracing(SdkTracerProvider.builder().setResource(resource).setSampler(settings.sampler())
        .addSpanProcessor(processor).build(), true);
  }

  /** Trace ids for logs and problems, nothing recorded: for a Vert.x made without settings; shared, never shut down. */
  public static Tracing idsOnly() {
    return IDS_ONLY;
  }

  // Ids made and passed on, no span recorded: what a trace id in a log line costs, and no more.
  // A processor is needed even so: without one the SDK hands out a tracer that makes no ids.
  private static Tracing idsOnlyTracing() {
    return new Tracing(SdkTracerProvider.builder().setSampler(Sampler.alwaysOff()).addSpanProcessor(new NoSpans())
        .build(), false);
  }

  /**
   * What Vert.x traces with: OpenTelemetry's own tracer when spans are recorded; when they are
   * not, one that only makes and passes on the ids ({@link TraceIdsTracer}).
   */
  public VertxTracerFactory vertxTracerFactory() {
    return recording ? new OpenTelemetryTracingFactory(this) : options -> new TraceIdsTracer();
  }

  @Override
  public TracerProvider getTracerProvider() {
    return tracerProvider;
  }

  @Override
  public ContextPropagators getPropagators() {
    return W3C;
  }

  /** Sends the spans still waiting, then stops; completes when done. */
  public CompletableResultCode shutdown() {
    return tracerProvider.shutdown();
  }

  /** Takes no span: the sampler of ids-only tracing records none. */
  private static final class NoSpans implements SpanProcessor {

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
      return false;
    }
  }
}
