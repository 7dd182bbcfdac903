package com.runningtrainer.common.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.vertx.core.Context;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.tracing.opentelemetry.HeadersPropagatorGetter;
import io.vertx.tracing.opentelemetry.VertxContextStorageProvider.VertxContextStorage;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Vert.x's tracer when no span is recorded: only the ids. A request gets the trace of its
 * {@code traceparent}, or a new one, and a span id, kept where OpenTelemetry's would be (so that
 * {@link Traces} reads them alike), and passes them on in the {@code traceparent} of what it
 * sends. None of the span names, attributes and timings OpenTelemetry's tracer works out even for
 * spans nobody records: with it a plan read took up to a fifth more CPU (bench/README.md).
 */
final class TraceIdsTracer implements VertxTracer<Scope, Void> {

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
  private static final HeadersPropagatorGetter HEADERS = new HeadersPropagatorGetter();
  private static final IdGenerator IDS = IdGenerator.random();

  @Override
  public <R> Scope receiveRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
      Iterable<Map.Entry<String, String>> headers, TagExtractor<R> tagExtractor) {
    if (policy == TracingPolicy.IGNORE) {
      return null;
    }
    SpanContext parent = Span.fromContext(W3C.extract(io.opentelemetry.context.Context.root(), headers, HEADERS))
        .getSpanContext();
    if (!parent.isValid() && policy == TracingPolicy.PROPAGATE) {
      return null;
    }
    SpanContext span = SpanContext.create(parent.isValid() ? parent.getTraceId() : IDS.generateTraceId(),
        IDS.generateSpanId(), parent.isValid() ? parent.getTraceFlags() : TraceFlags.getDefault(), TraceState.getDefault());
    return VertxContextStorage.INSTANCE.attach((ContextInternal) context,
        io.opentelemetry.context.Context.root().with(Span.wrap(span)));
  }

  @Override
  public <R> void sendResponse(Context context, R response, Scope scope, Throwable failure,
      TagExtractor<R> tagExtractor) {
    if (scope != null) {
      scope.close();
    }
  }

  @Override
  public <R> Void sendRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
      BiConsumer<String, String> headers, TagExtractor<R> tagExtractor) {
    if (policy == TracingPolicy.IGNORE || request == null || headers == null) {
      return null;
    }
    // The span of the request served on this context, as Vert.x's own tracer finds it.
    io.opentelemetry.context.Context current = VertxContextStorage.INSTANCE.current();
    if (current != null) {
      W3C.inject(current, headers, BiConsumer::accept);
    }
    return null;
  }

  @Override
  public <R> void receiveResponse(Context context, R response, Void payload, Throwable failure,
      TagExtractor<R> tagExtractor) {
  }
}
