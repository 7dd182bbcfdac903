package com.runningtrainer.gateway.upstream;

import com.runningtrainer.common.api.ApiEventBus;
import com.runningtrainer.common.api.ApiResponse;
import com.runningtrainer.common.api.LoopRoutes;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/**
 * Sends the envelope to {@code <service>.api} on the event bus, local or clustered; the event bus
 * spreads the requests over every instance that serves the address. When an instance of the
 * service runs on this gateway instance's own event loop, the request goes to it instead
 * ({@link LoopRoutes}), as it is and without leaving the thread. The verified principal travels
 * in the envelope: the event bus is inside the platform's trust boundary.
 */
final class EventBusUpstream implements Upstream {

  private final Vertx vertx;
  private final String address;
  private final LoopRoutes.Route sameLoop;
  private final DeliveryOptions delivery;
  private final DeliveryOptions sameLoopDelivery;
  private final CircuitBreaker breaker;

  /** Made on the gateway instance's event loop, whose same-loop route it takes. */
  EventBusUpstream(Vertx vertx, String service, long timeoutMs, CircuitBreaker breaker) {
    this.vertx = vertx;
    this.address = ApiEventBus.address(service);
    this.sameLoop = LoopRoutes.here(vertx, service);
    this.delivery = new DeliveryOptions().setSendTimeout(timeoutMs);
    this.sameLoopDelivery = LoopRoutes.requestDelivery(timeoutMs);
    this.breaker = breaker;
  }

  @Override
  public String name() {
    return address;
  }

  @Override
  public Future<UpstreamAnswer> forward(UpstreamCall call) {
    // An instance that was leaving its address discarded the request unread: another may take it.
    return Guarded.call(breaker, () -> send(call).recover(failure -> ApiEventBus.notTaken(failure)
        ? sendShared(call)
        : Future.failedFuture(failure)));
  }

  private Future<UpstreamAnswer> send(UpstreamCall call) {
    if (sameLoop == null || !sameLoop.isOpen()) {
      return sendShared(call);
    }
    return vertx.eventBus().<ApiResponse>request(sameLoop.address(), call.request(), sameLoopDelivery)
        .map(reply -> UpstreamAnswer.of(reply.body(), address));
  }

  private Future<UpstreamAnswer> sendShared(UpstreamCall call) {
    return vertx.eventBus().<JsonObject>request(address, call.request().toJson(), delivery)
        .map(reply -> UpstreamAnswer.of(ApiResponse.fromJson(reply.body()), address));
  }
}
