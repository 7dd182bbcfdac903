package com.runningtrainer.gateway.upstream;

import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.net.ConnectException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A service reached over HTTP at one or more base URLs, taken in turn, skipping an instance
 * whose breaker is open. A request that an instance refused to connect for is tried on the next:
 * it never reached the service, so it cannot be done twice. An idempotent request whose
 * connection was closed or reset under it (an instance stopping just as the request was written,
 * or just after it accepted the connection) is sent once more, on a new connection to the next
 * instance in turn, as RFC 9112 9.3.1 allows; lost again, it is a 503, the service being on its
 * way out. Any other failure, a timeout above all, is not retried.
 */
final class HttpUpstream implements Upstream {

  // RFC 9110 9.2.2.
  private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
      HttpMethod.PUT, HttpMethod.DELETE);

  private final List<HttpInstance> instances;
  private final AtomicInteger turn = new AtomicInteger();

  HttpUpstream(List<HttpInstance> instances) {
    if (instances.isEmpty()) {
      throw new IllegalArgumentException("an HTTP upstream needs at least one base URL");
    }
    this.instances = List.copyOf(instances);
  }

  @Override
  public String name() {
    return instances.stream().map(HttpInstance::baseUrl).collect(Collectors.joining(","));
  }

  @Override
  public Future<UpstreamAnswer> forward(UpstreamCall call) {
    return forward(call, nextTurn(), 0, OpenCircuitException.INSTANCE).recover(failure ->
        IDEMPOTENT.contains(call.method()) && UpstreamFailures.connectionLost(failure)
            // Every breaker open by now (the lost connections counted) is a 503, not the lost connection's 502.
            ? forward(call, nextTurn(), 0, OpenCircuitException.INSTANCE).recover(HttpUpstream::unreachableWhenLostAgain)
            : Future.failedFuture(failure));
  }

  /**
   * A connection lost again, on a request that did no harm either time: the service is going away
   * (its last accepted connections are reset unread), so it cannot be reached — a 503, not a 502.
   */
  private static Future<UpstreamAnswer> unreachableWhenLostAgain(Throwable failure) {
    if (!UpstreamFailures.connectionLost(failure)) {
      return Future.failedFuture(failure);
    }
    ConnectException unreachable = new ConnectException("the connection was lost twice: " + failure.getMessage());
    unreachable.initCause(failure);
    return Future.failedFuture(unreachable);
  }

  private int nextTurn() {
    return Math.floorMod(turn.getAndIncrement(), instances.size());
  }

  private Future<UpstreamAnswer> forward(UpstreamCall call, int first, int tried, Throwable lastFailure) {
    for (int i = tried; i < instances.size(); i++) {
      HttpInstance instance = instances.get((first + i) % instances.size());
      if (instance.isOpen()) {
        continue;
      }
      int next = i + 1;
      return instance.forward(call).recover(failure -> UpstreamFailures.causedBy(failure, ConnectException.class)
          ? forward(call, first, next, failure)
          : Future.failedFuture(failure));
    }
    return Future.failedFuture(lastFailure);
  }
}
