package com.runningtrainer.gateway.edge;

import io.vertx.ext.web.RoutingContext;

/** The address a request came from, as the gateway's connection sees it. */
final class ClientAddress {

  private ClientAddress() {
  }

  static String of(RoutingContext rc) {
    var address = rc.request().remoteAddress();
    return address == null ? "unknown" : address.hostAddress();
  }
}
