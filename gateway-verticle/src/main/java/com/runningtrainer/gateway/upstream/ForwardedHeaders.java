package com.runningtrainer.gateway.upstream;

import io.vertx.core.MultiMap;
import java.util.Set;

/**
 * Which headers go on to a service reached over HTTP, and which of its answer's come back: not the
 * hop-by-hop ones (RFC 9110 7.6.1) nor what the gateway sets anew. A request goes on with the
 * client's address in {@code X-Forwarded-For} and the gateway's request id; its trace context
 * ({@code traceparent}, {@code tracestate}) is the gateway's own span, which the HTTP client sets.
 */
final class ForwardedHeaders {

  private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
      "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
      "accept-encoding", "x-forwarded-for", "x-request-id",
      // The client's trace goes on through the gateway's spans: forwarded too, the service would
      // take the client's header and hang its spans beside the gateway's instead of under them.
      "traceparent", "tracestate");
  private static final Set<String> NOT_RETURNED = Set.of("connection", "keep-alive", "transfer-encoding",
      "x-request-id");

  private ForwardedHeaders() {
  }

  /** Puts the headers of {@code call} that go on to the service into {@code request}. */
  static void forward(UpstreamCall call, MultiMap request) {
    call.headers().forEach((name, value) -> {
      if (!NOT_FORWARDED.contains(name.toLowerCase())) {
        request.add(name, value);
      }
    });
    String clientIp = call.request().client().getString("ip");
    if (clientIp != null) {
      request.set("X-Forwarded-For", clientIp);
    }
    request.set("X-Request-Id", call.request().requestId());
  }

  /**
   * Puts the headers of the service's answer that come back into {@code response}.
   *
   * @param withLength whether {@code Content-Length} comes back too: it does when the body is
   *     streamed through as it is, not when the gateway writes the body anew
   */
  static void returned(MultiMap answer, MultiMap response, boolean withLength) {
    answer.forEach((name, value) -> {
      String lower = name.toLowerCase();
      if (!NOT_RETURNED.contains(lower) && (withLength || !lower.equals("content-length"))) {
        response.add(name, value);
      }
    });
  }
}
