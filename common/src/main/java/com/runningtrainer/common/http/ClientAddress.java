package com.runningtrainer.common.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * Where a request came from, for throttling and sessions: the connection's peer, unless that
 * peer is a proxy this server trusts ({@code TRUSTED_PROXIES}: the gateway, a load balancer), in
 * which case the address that proxy appended to {@code X-Forwarded-For}. Anyone else's
 * {@code X-Forwarded-For} is ignored: a client could write anything there.
 */
public final class ClientAddress {

  private static final String KEY = "clientAddress";
  private static final String UNKNOWN = "unknown";

  private ClientAddress() {
  }

  /** The root handler that finds the address once, before anything asks for it. */
  public static Handler<RoutingContext> resolver(Set<String> trustedProxies) {
    return rc -> {
      rc.put(KEY, resolve(peer(rc), rc.request().getHeader("X-Forwarded-For"), trustedProxies));
      rc.next();
    };
  }

  public static String of(RoutingContext rc) {
    String address = rc.get(KEY);
    return address != null ? address : peer(rc);
  }

  static String resolve(String peer, String forwardedFor, Set<String> trustedProxies) {
    if (forwardedFor == null || !trustedProxies.contains(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    String last = hops[hops.length - 1].trim();
    return last.isEmpty() ? peer : last;
  }

  /**
   * The other end of the connection. Asked of the connection: the router's request wrapper
   * would parse the forwarding headers for it on every call, which the router (trusting none)
   * then ignores.
   */
  static String peer(RoutingContext rc) {
    var address = rc.request().connection().remoteAddress();
    return address == null ? UNKNOWN : address.hostAddress();
  }
}
