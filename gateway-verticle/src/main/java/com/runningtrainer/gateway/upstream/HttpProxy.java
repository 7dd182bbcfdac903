package com.runningtrainer.gateway.upstream;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;

/**
 * Proxies one service's binary operations ({@code x-forward: http} in its contract: a file
 * download, an image upload) to the service's own HTTP port, in event-bus mode too, since the
 * event-bus envelope carries JSON only. The answer is streamed through as it arrives, never held
 * whole; the request body is the one the gateway has already read and validated (at most
 * {@code ContractRouter.BODY_LIMIT_BYTES}). The bearer token goes on with it: the service
 * verifies it itself. Behind the service's breaker, which counts only no answer.
 */
public final class HttpProxy {

  private final HttpClient client;
  private final HttpTarget target;
  private final long timeoutMs;
  private final CircuitBreaker breaker;

  HttpProxy(HttpClient client, HttpTarget target, long timeoutMs, CircuitBreaker breaker) {
    this.client = client;
    this.target = target;
    this.timeoutMs = timeoutMs;
    this.breaker = breaker;
  }

  /**
   * Sends the call on and streams the answer into {@code response}; fails, with nothing written,
   * when no answer began (then {@link UpstreamFailures} says why). Once the answer began, a
   * failure midway ends the response.
   *
   * @return who answered, for the access log
   */
  public Future<String> forward(UpstreamCall call, HttpServerResponse response) {
    String[] from = new String[1];
    return breaker.<HttpClientResponse>execute(() -> target.baseUrl().compose(base -> {
      from[0] = base;
      return send(base, call);
    })).compose(answer -> {
      response.setStatusCode(answer.statusCode());
      ForwardedHeaders.returned(answer.headers(), response.headers(), true);
      if (!answer.headers().contains("Content-Length")) {
        response.setChunked(true);
      }
      answer.pipeTo(response).onFailure(broken -> response.reset());
      return Future.succeededFuture(from[0]);
    });
  }

  private Future<HttpClientResponse> send(String base, UpstreamCall call) {
    RequestOptions options = new RequestOptions().setMethod(call.method()).setAbsoluteURI(base + call.uri())
        .setConnectTimeout(timeoutMs).setIdleTimeout(timeoutMs);
    // Paused in the callback of the answer's own future, before any of its body can arrive.
    return client.request(options).compose(request -> call.sendAs(request).map(HttpClientResponse::pause));
  }
}
