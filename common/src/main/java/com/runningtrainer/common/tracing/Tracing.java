package com.runningtrainer.common.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
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

  private static final Tracing IDS_ONLY = new Tracing(null);

  // Null when no span is recorded: then Vert.x traces with TraceIdsTracer, not with OpenTelemetry.
  private final SdkTracerProvider recorder;

  private Tracing(SdkTracerProvider recorder) {
    this.recorder = recorder;
  }

  /** Recording and exporting over OTLP/HTTP when the settings name an endpoint; ids only otherwise. */
  public static Tracing start(TracingSettings settings) {
    return settings.endpoint()
        .map(endpoint -> recording(settings, BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder()
            .setEndpoint(endpoint.replaceAll("/+$", "") + "/v1/traces").build()).build()))
        .orElse(IDS_ONLY);
  }

  /** Recording every span the sampler keeps into {@code processor} (tests give an in-memory exporter). */
  public static Tracing recording(TracingSettings settings, SpanProcessor processor) {
    Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, settings.serviceName())));
    return new Tracing(SdkTracerProvider.builder().setResource(resource).setSampler(settings.sampler())
        .addSpanProcessor(processor).build());
  }

  /** Trace ids for logs and problems, no span recorded: what a trace id in a log line costs, and no more. */
  public static Tracing idsOnly() {
    return IDS_ONLY;
  }

  /**
   * What Vert.x traces with: OpenTelemetry's own tracer when spans are recorded, naming services
   * by their shared addresses ({@link SharedAddressTracer}); when they are not, one that only
   * makes and passes on the ids ({@link TraceIdsTracer}).
   */
  public VertxTracerFactory vertxTracerFactory() {
    if (recorder == null) {
      return options -> new TraceIdsTracer();
    }
    VertxTracerFactory openTelemetry = new OpenTelemetryTracingFactory(this);
    return options -> new SharedAddressTracer<>(openTelemetry.tracer(options));
  }

  @Override
  public TracerProvider getTracerProvider() {
    return recorder != null ? recorder : TracerProvider.noop();
  }

  @Override
  public ContextPropagators getPropagators() {
    return W3C;
  }

  /** Sends the spans still waiting, then stops; completes when done. */
  public CompletableResultCode shutdown() {
    return recorder != null ? recorder.shutdown() : CompletableResultCode.ofSuccess();
  }
}
