package com.runningtrainer.gateway.upstream;

import com.runningtrainer.common.api.ApiRequest;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;

/**
 * One validated request on its way to a service: as the envelope the event bus carries, and as
 * the HTTP request that came in, for forwarding over HTTP.
 *
 * @param uri the path and query, unchanged: the gateway serves every operation at the service's path
 * @param body the raw body, or null
 */
public record UpstreamCall(ApiRequest request, HttpMethod method, String uri, MultiMap headers, Buffer body) {

  /** Sends this call as {@code request}: with the headers that go on to the service, and its body if it has one. */
  Future<HttpClientResponse> sendAs(HttpClientRequest request) {
    ForwardedHeaders.forward(this, request.headers());
    return body == null ? request.send() : request.send(body);
  }
}
