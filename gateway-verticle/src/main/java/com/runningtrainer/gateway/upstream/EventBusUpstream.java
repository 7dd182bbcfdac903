package com.runningtrainer.gateway.upstream;

import com.runningtrainer.common.api.ApiEventBus;
import com.runningtrainer.common.api.ApiResponse;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/**
 * Sends the envelope to {@code <service>.api} on the event bus, local or clustered; the event bus
 * spreads the requests over every instance that serves the address. The verified principal
 * travels in the envelope: the event bus is inside the platform's trust boundary.
 */
final class EventBusUpstream implements Upstream {

  private final Vertx vertx;
  private final String address;
  private final DeliveryOptions delivery;
  private final CircuitBreaker breaker;

  EventBusUpstream(Vertx vertx, String service, long timeoutMs, CircuitBreaker breaker) {
    this.vertx = vertx;
    this.address = ApiEventBus.address(service);
    this.delivery = new DeliveryOptions().setSendTimeout(timeoutMs);
    this.breaker = breaker;
  }

  @Override
  public String name() {
    return address;
  }

  @Override
  public Future<UpstreamAnswer> forward(UpstreamCall call) {
    // An instance that was leaving the address discarded the request unread: another may take it.
    return Guarded.call(breaker, () -> send(call).recover(failure -> ApiEventBus.notTaken(failure)
        ? send(call)
        : Future.failedFuture(failure)));
  }

  private Future<UpstreamAnswer> send(UpstreamCall call) {
    return vertx.eventBus().<JsonObject>request(address, call.request().toJson(), delivery)
        .map(reply -> UpstreamAnswer.of(ApiResponse.fromJson(reply.body()), address));
  }
}
