package com.runningtrainer.gateway.upstream;

import io.vertx.core.Future;

/**
 * Where the gateway sends the requests of one service, and how: over the event bus or over HTTP.
 * Fails with what went wrong on the way ({@link UpstreamFailures} turns it into a problem);
 * an answer, even a 5xx, is a success.
 */
public interface Upstream {

  /** For the access log: the service's event-bus address or the instance's base URL. */
  String name();

  Future<UpstreamAnswer> forward(UpstreamCall call);
}
