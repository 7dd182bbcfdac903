package com.runningtrainer.common.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.vertx.core.impl.VertxThread;
import java.util.HashMap;
import java.util.Map;

/**
 * The trace of the work in hand. Vert.x keeps the current span in the context that serves a
 * request or message (as it does the request id), so these answer on that context's thread.
 */
public final class Traces {

  /** The W3C header that carries a trace from one process to another. */
  public static final String TRACEPARENT = "traceparent";

  private Traces() {
  }

  /** The id of the current trace (32 hex digits), or null outside any. */
  public static String currentTraceId() {
    SpanContext span = current();
    return span.isValid() ? span.getTraceId() : null;
  }

  /** The current span as a W3C {@code traceparent} value, for work that goes on later; null outside any. */
  public static String currentTraceparent() {
    SpanContext span = current();
    if (!span.isValid()) {
      return null;
    }
    Map<String, String> headers = new HashMap<>();
    W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
    return headers.get(TRACEPARENT);
  }

  // Only a Vert.x thread serves requests; elsewhere (a JDBC migration thread, a test) there is no
  // trace, and asking OpenTelemetry's storage there could initialise Vert.x's classes from any thread.
  private static SpanContext current() {
    return Thread.currentThread() instanceof VertxThread ? Span.current().getSpanContext() : SpanContext.getInvalid();
  }
}
