package com.runningtrainer.common.tracing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingPolicy;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Background jobs that go on with the trace of the request that asked for them: the request's
 * {@code traceparent} is stored with the job ({@link Traces#currentTraceparent()}), and the job
 * later runs in a span of that trace, with its database, Redis, event-bus and HTTP calls inside.
 */
public final class JobTraces {

  private JobTraces() {
  }

  /**
   * Runs {@code job} in a new span {@code name} whose parent is {@code traceparent}; a job stored
   * without one (before tracing, or asked for outside any request) begins a trace of its own.
   * The job runs on a context of its own, so that its span is not the current one of whatever
   * took it (a poller) and ends with it.
   */
  public static <T> Future<T> run(Vertx vertx, String traceparent, String name, Supplier<Future<T>> job) {
    ContextInternal context = ((ContextInternal) vertx.getOrCreateContext()).duplicate();
    Promise<T> done = context.promise();
    context.runOnContext(started -> {
      VertxTracer<?, ?> tracer = context.tracer();
      (tracer == null ? started(job) : traced(context, tracer, traceparent, name, job)).onComplete(done);
    });
    return done.future();
  }

  private static <I, O, T> Future<T> traced(ContextInternal context, VertxTracer<I, O> tracer, String traceparent,
      String name, Supplier<Future<T>> job) {
    Iterable<Map.Entry<String, String>> headers = traceparent == null ? List.of() : List.of(Map.entry(Traces.TRACEPARENT,
        traceparent));
    I span = tracer.receiveRequest(context, SpanKind.MESSAGING, TracingPolicy.ALWAYS, name, name, headers,
        TagExtractor.empty());
    return started(job).andThen(outcome -> tracer.sendResponse(context, null, span, outcome.cause(), TagExtractor.empty()));
  }

  private static <T> Future<T> started(Supplier<Future<T>> job) {
    try {
      return job.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
