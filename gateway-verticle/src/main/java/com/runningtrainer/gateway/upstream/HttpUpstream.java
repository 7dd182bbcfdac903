package com.runningtrainer.gateway.upstream;

import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A service reached over HTTP at one or more base URLs, taken in turn, skipping an instance
 * whose breaker is open. A request that an instance refused to connect for is tried on the next:
 * it never reached the service, so it cannot be done twice. Any other failure is not retried.
 */
final class HttpUpstream implements Upstream {

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
    return forward(call, Math.floorMod(turn.getAndIncrement(), instances.size()), 0, OpenCircuitException.INSTANCE);
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
