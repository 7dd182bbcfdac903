package com.runningtrainer.common.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * The OpenTelemetry a process's Vert.x traces with. Every request gets a trace id, carried to
 * the services it reaches in a W3C {@code traceparent} and written in its access-log line and
 * problems, whether or not traces are exported; spans are recorded only when they are.
 */
public final class Tracing {

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  private static final OpenTelemetrySdk IDS_ONLY = idsOnlySdk();

  private Tracing() {
  }

  /** Recording and exporting over OTLP when the settings name an endpoint; ids only otherwise. */
  public static OpenTelemetrySdk start(TracingSettings settings) {
    return settings.endpoint()
        .map(endpoint -> recording(settings, BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder()
            .setEndpoint(endpoint.replaceAll("/+$", "") + "/v1/traces").build()).build()))
        .orElseGet(Tracing::idsOnlySdk);
  }

  /** Recording every span the sampler keeps into {@code processor} (tests give an in-memory exporter). */
  public static OpenTelemetrySdk recording(TracingSettings settings, SpanProcessor processor) {
    Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, settings.serviceName())));
    return sdk(SdkTracerProvider.builder().setResource(resource).setSampler(settings.sampler()).addSpanProcessor(processor));
  }

  /** Trace ids for logs and problems, nothing recorded: for a Vert.x made without settings; shared, never shut down. */
  public static OpenTelemetrySdk idsOnly() {
    return IDS_ONLY;
  }

  // Ids made and passed on, no span recorded: what a trace id in a log line costs, and no more.
  private static OpenTelemetrySdk idsOnlySdk() {
    return sdk(SdkTracerProvider.builder().setSampler(Sampler.alwaysOff()));
  }

  private static OpenTelemetrySdk sdk(SdkTracerProviderBuilder tracerProvider) {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(tracerProvider.build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }
}
