package com.runningtrainer.gateway.upstream;

import com.runningtrainer.common.api.ApiResponse;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * A service's answer, passed on to the client as it is.
 *
 * @param from who answered, for the access log: an event-bus address or an instance's base URL
 */
public record UpstreamAnswer(int status, MultiMap headers, Buffer body, String from) {

  static UpstreamAnswer of(ApiResponse response, String from) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    response.headers().forEach(header -> headers.add(header.getKey(), String.valueOf(header.getValue())));
    if (response.body() == null) {
      return new UpstreamAnswer(response.status(), headers, null, from);
    }
    if (!headers.contains("Content-Type")) {
      headers.add("Content-Type", "application/json");
    }
    return new UpstreamAnswer(response.status(), headers, response.encodedBody(), from);
  }

  /** The service says it cannot serve now (down, overloaded, stopping, a dependency away). */
  boolean isUnavailable() {
    return status == 503;
  }
}
