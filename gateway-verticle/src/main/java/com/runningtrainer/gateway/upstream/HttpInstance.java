package com.runningtrainer.gateway.upstream;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/**
 * One instance of a service reached over HTTP, behind a breaker of its own. The request goes
 * on with its bearer token, which the service verifies itself (a caller named in a header could
 * be named by anyone who reaches the service's port), and the client's address in
 * {@code X-Forwarded-For}.
 */
final class HttpInstance {

  private final WebClient client;
  private final String baseUrl;
  private final long timeoutMs;
  private final CircuitBreaker breaker;

  HttpInstance(WebClient client, String baseUrl, long timeoutMs, CircuitBreaker breaker) {
    this.client = client;
    this.baseUrl = baseUrl;
    this.timeoutMs = timeoutMs;
    this.breaker = breaker;
  }

  String baseUrl() {
    return baseUrl;
  }

  boolean isOpen() {
    return breaker.state() == CircuitBreakerState.OPEN;
  }

  Future<UpstreamAnswer> forward(UpstreamCall call) {
    return Guarded.call(breaker, () -> send(call));
  }

  private Future<UpstreamAnswer> send(UpstreamCall call) {
    HttpRequest<Buffer> request = client.requestAbs(call.method(), baseUrl + call.uri()).timeout(timeoutMs);
    ForwardedHeaders.forward(call, request.headers());
    Future<HttpResponse<Buffer>> sent = call.body() == null ? request.send() : request.sendBuffer(call.body());
    return sent.map(response -> new UpstreamAnswer(response.statusCode(), returned(response.headers()), response.body(),
        baseUrl));
  }

  private static MultiMap returned(MultiMap headers) {
    MultiMap kept = MultiMap.caseInsensitiveMultiMap();
    ForwardedHeaders.returned(headers, kept, false);
    return kept;
  }

}
