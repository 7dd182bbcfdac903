package com.runningtrainer.common.api;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.shareddata.LocalMap;

/**
 * The same-loop routes to a service's operations in this process. Each instance of a service
 * bound on an event loop also takes requests at {@code <service>.api@<loop>}, as objects, so that
 * a gateway instance on the same loop hands its request over without crossing to another thread
 * and without building, copying and reading back JSON. The shared address {@code <service>.api}
 * stays as it was for every other sender.
 *
 * <p>Only where the event bus is not clustered: in a cluster the shared address spreads requests
 * over every node, and a node running both the gateway and the service would otherwise keep its
 * gateway's requests to itself.
 */
public final class LoopRoutes {

  private static final String OPEN_ROUTES = "api.loop-routes";
  private static final String CODECS = "api.loop-routes.codecs";
  private static final InProcessCodec<ApiRequest> REQUESTS = new InProcessCodec<>(ApiRequest.class);
  private static final InProcessCodec<ApiResponse> RESPONSES = new InProcessCodec<>(ApiResponse.class);

  private LoopRoutes() {
  }

  /**
   * A service's same-loop route for one event loop: its address, and whether an instance of the
   * service takes requests there now.
   */
  public record Route(String address, LocalMap<String, Boolean> open) {

    /** Whether an instance of the service takes requests at {@link #address} now. */
    public boolean isOpen() {
      return open.containsKey(address);
    }

    void opened() {
      open.put(address, true);
    }

    void closed() {
      open.remove(address);
    }
  }

  /**
   * The service's same-loop route for the event loop the caller runs on; null off an event loop
   * or on a clustered event bus.
   */
  public static Route here(Vertx vertx, String service) {
    if (vertx.isClustered() || !Context.isOnEventLoopThread()) {
      return null;
    }
    return new Route(ApiEventBus.address(service) + "@" + Thread.currentThread().getName(),
        vertx.sharedData().getLocalMap(OPEN_ROUTES));
  }

  /**
   * The service's shared address for one of its same-loop addresses, any other address as it is:
   * what metrics and traces name, so that a service is one name there whatever loop served it.
   */
  public static String shared(String address) {
    int loop = address.indexOf('@');
    return loop < 0 ? address : address.substring(0, loop);
  }

  /** How to send an {@link ApiRequest} to a same-loop address. */
  public static DeliveryOptions requestDelivery(long timeoutMs) {
    return new DeliveryOptions().setCodecName(REQUESTS.name()).setSendTimeout(timeoutMs);
  }

  static DeliveryOptions responseDelivery() {
    return new DeliveryOptions().setCodecName(RESPONSES.name());
  }

  /** Makes the objects passable, once per Vert.x instance; before any route opens. */
  static synchronized void prepare(Vertx vertx) {
    if (vertx.sharedData().<String, Boolean>getLocalMap(CODECS).putIfAbsent(CODECS, true) == null) {
      vertx.eventBus().registerCodec(REQUESTS).registerCodec(RESPONSES);
    }
  }
}
