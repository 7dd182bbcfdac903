package com.runningtrainer.common.http;

import com.runningtrainer.common.api.ApiHandler;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.util.List;
import java.util.Map;

/**
 * What a service serves over HTTP.
 *
 * @param service the service's name, e.g. {@code trainer}; its contract is {@code openapi/<service>.yaml}
 * @param operations a handler per operationId of the contract
 * @param tokens verifies the bearer tokens of the contract's {@code bearerAuth} scheme
 */
public record ServiceHttp(
    String service,
    int port,
    Map<String, ApiHandler> operations,
    JWTAuth tokens,
    List<HealthCheck> healthChecks,
    int requestTimeoutMs) {

  public String contractPath() {
    return "openapi/" + service + ".yaml";
  }
}
