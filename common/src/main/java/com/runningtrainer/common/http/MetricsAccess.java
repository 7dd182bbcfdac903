package com.runningtrainer.common.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may read {@code /metrics}: the numbers tell an outsider about the traffic, the users and
 * the deployment. With {@code METRICS_TOKEN} set, whoever sends it as a bearer token; unset, only
 * clients on this host, by the connection's own address (never a forwarded one).
 */
public final class MetricsAccess implements Handler<RoutingContext> {

  private final byte[] token;

  private MetricsAccess(byte[] token) {
    this.token = token;
  }

  public static MetricsAccess of(Optional<String> token) {
    return new MetricsAccess(token.map(value -> value.getBytes(StandardCharsets.UTF_8)).orElse(null));
  }

  @Override
  public void handle(RoutingContext rc) {
    int refusal = refusal(rc.request().connection().remoteAddress().hostAddress(),
        rc.request().getHeader(HttpHeaders.AUTHORIZATION));
    if (refusal == 0) {
      rc.next();
    } else {
      rc.fail(refusal);
    }
  }

  /** 0 when the client may read the metrics, else the status that refuses it (401 or 403). */
  int refusal(String peerAddress, String authorization) {
    if (token == null) {
      return isLoopback(peerAddress) ? 0 : 403;
    }
    byte[] given = authorization != null && authorization.startsWith("Bearer ")
        ? authorization.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8)
        : new byte[0];
    return MessageDigest.isEqual(token, given) ? 0 : 401;
  }

  private static boolean isLoopback(String address) {
    try {
      // An address literal: no name is looked up.
      return address != null && InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
