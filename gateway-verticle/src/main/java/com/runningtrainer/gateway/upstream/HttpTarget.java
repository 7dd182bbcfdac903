package com.runningtrainer.gateway.upstream;

import com.runningtrainer.common.service.ServiceVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a service's own HTTP port is, for the operations the gateway proxies over HTTP
 * ({@code x-forward: http}) whatever the service's upstream: its configured base URLs in turn,
 * or, forwarding over the event bus, the address an instance answers at
 * {@code <service>.http-address} (the event bus picks the instance, on any node of a cluster,
 * and the answer is the port it really listens on).
 */
interface HttpTarget {

  Future<String> baseUrl();

  static HttpTarget of(List<String> baseUrls) {
    AtomicInteger turn = new AtomicInteger();
    return () -> Future.succeededFuture(baseUrls.get(Math.floorMod(turn.getAndIncrement(), baseUrls.size())));
  }

  static HttpTarget askingOverEventBus(Vertx vertx, String service, long timeoutMs) {
    DeliveryOptions delivery = new DeliveryOptions().setSendTimeout(timeoutMs);
    String address = ServiceVerticle.httpAddressOf(service);
    return () -> vertx.eventBus().<JsonObject>request(address, new JsonObject(), delivery)
        .map(reply -> reply.body().getString("base_url"));
  }
}
