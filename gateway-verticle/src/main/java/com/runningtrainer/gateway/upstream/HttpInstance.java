package com.runningtrainer.gateway.upstream;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import java.net.URI;

/**
 * One instance of a service reached over HTTP, behind a breaker of its own. The request goes
 * on with its bearer token, which the service verifies itself (a caller named in a header could
 * be named by anyone who reaches the service's port), and the client's address in
 * {@code X-Forwarded-For}. The service's answer comes back as it is, a redirect included: the
 * client follows it, not the gateway.
 *
 * <p>The plain HTTP client, not the WebClient: every request of the gateway crosses it, and the
 * WebClient's interceptor pipeline, URL parsing and header merging cost the trainer, which shares
 * the cores, a measurable part of its throughput.
 */
final class HttpInstance {

  private final HttpClient client;
  private final String baseUrl;
  private final String host;
  private final int port;
  private final boolean ssl;
  private final String basePath;
  private final long timeoutMs;
  private final CircuitBreaker breaker;

  /** @param baseUrl the instance's scheme, host, port and base path, without a trailing slash */
  HttpInstance(HttpClient client, String baseUrl, long timeoutMs, CircuitBreaker breaker) {
    URI uri = URI.create(baseUrl);
    if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("an upstream's base URL is http(s)://host[:port][/path]: " + baseUrl);
    }
    this.client = client;
    this.baseUrl = baseUrl;
    this.host = uri.getHost();
    this.ssl = "https".equals(uri.getScheme());
    this.port = uri.getPort() != -1 ? uri.getPort() : ssl ? 443 : 80;
    this.basePath = uri.getRawPath() == null ? "" : uri.getRawPath();
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
    RequestOptions options = new RequestOptions().setMethod(call.method()).setHost(host).setPort(port).setSsl(ssl)
        .setURI(basePath + call.uri()).setTimeout(timeoutMs);
    // The body is asked for in the callback of the answer's own future: asked for in a callback of
    // a future composed on another context, the answer could end before it is asked for.
    return client.request(options).compose(request -> call.sendAs(request)
        .compose(response -> response.body().map(body -> answer(response, body))));
  }

  private UpstreamAnswer answer(HttpClientResponse response, Buffer body) {
    MultiMap kept = MultiMap.caseInsensitiveMultiMap();
    ForwardedHeaders.returned(response.headers(), kept, false);
    return new UpstreamAnswer(response.statusCode(), kept, body, baseUrl);
  }
}
