package com.runningtrainer.gateway.upstream;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.util.Set;

/**
 * Proxies one service's binary operations ({@code x-forward: http} in its contract: a file
 * download, an image upload) to the service's own HTTP port, in event-bus mode too, since the
 * event-bus envelope carries JSON only. The answer is streamed through as it arrives, never held
 * whole; the request body is the one the gateway has already read and validated (at most
 * {@code ContractRouter.BODY_LIMIT_BYTES}). The bearer token goes on with it: the service
 * verifies it itself. Behind the service's breaker, which counts only no answer.
 */
public final class HttpProxy {

  // Hop-by-hop headers (RFC 9110 7.6.1) and what the client or the gateway sets anew.
  private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
      "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
      "accept-encoding", "x-forwarded-for", "x-request-id");
  private static final Set<String> NOT_RETURNED = Set.of("connection", "keep-alive", "transfer-encoding",
      "x-request-id");

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
      answer.headers().forEach((name, value) -> {
        if (!NOT_RETURNED.contains(name.toLowerCase())) {
          response.headers().add(name, value);
        }
      });
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
    return client.request(options).compose(request -> {
      call.headers().forEach((name, value) -> {
        if (!NOT_FORWARDED.contains(name.toLowerCase())) {
          request.headers().add(name, value);
        }
      });
      String clientIp = call.request().client().getString("ip");
      if (clientIp != null) {
        request.putHeader("X-Forwarded-For", clientIp);
      }
      request.putHeader("X-Request-Id", call.request().requestId());
      return call.body() == null ? request.send() : request.send(call.body());
    }).map(answer -> answer.pause());
  }
}
