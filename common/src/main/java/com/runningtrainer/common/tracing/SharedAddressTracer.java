package com.runningtrainer.common.tracing;

import com.runningtrainer.common.api.LoopRoutes;
import io.vertx.core.Context;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingPolicy;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Names a message sent to a service's same-loop address ({@link LoopRoutes}) in its spans by the
 * service's shared address, {@code trainer.api} rather than {@code trainer.api@<loop>}: one
 * destination per service to search traces by, whatever loop served the request.
 */
final class SharedAddressTracer<I, O> implements VertxTracer<I, O> {

  private static final String DESTINATION = "messaging.destination.name";

  private final VertxTracer<I, O> tracer;

  SharedAddressTracer(VertxTracer<I, O> tracer) {
    this.tracer = tracer;
  }

  @Override
  public <R> I receiveRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
      Iterable<Map.Entry<String, String>> headers, TagExtractor<R> tags) {
    return tracer.receiveRequest(context, kind, policy, request, operation, headers, new SharedAddressTags<>(tags));
  }

  @Override
  public <R> void sendResponse(Context context, R response, I payload, Throwable failure, TagExtractor<R> tags) {
    tracer.sendResponse(context, response, payload, failure, new SharedAddressTags<>(tags));
  }

  @Override
  public <R> O sendRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
      BiConsumer<String, String> headers, TagExtractor<R> tags) {
    return tracer.sendRequest(context, kind, policy, request, operation, headers, new SharedAddressTags<>(tags));
  }

  @Override
  public <R> void receiveResponse(Context context, R response, O payload, Throwable failure, TagExtractor<R> tags) {
    tracer.receiveResponse(context, response, payload, failure, new SharedAddressTags<>(tags));
  }

  @Override
  public void close() {
    tracer.close();
  }

  private record SharedAddressTags<R>(TagExtractor<R> tags) implements TagExtractor<R> {

    @Override
    public int len(R request) {
      return tags.len(request);
    }

    @Override
    public String name(R request, int index) {
      return tags.name(request, index);
    }

    @Override
    public String value(R request, int index) {
      String value = tags.value(request, index);
      return DESTINATION.equals(tags.name(request, index)) ? LoopRoutes.shared(value) : value;
    }
  }
}
