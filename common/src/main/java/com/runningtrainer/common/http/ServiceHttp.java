package com.runningtrainer.common.http;

import com.runningtrainer.common.api.ApiHandler;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a service serves over HTTP.
 *
 * @param service the service's name, e.g. {@code trainer}; its contract is {@code openapi/<service>.yaml}
 * @param operations a handler per operationId of the contract
 * @param tokens verifies the bearer tokens of the contract's {@code bearerAuth} scheme
 * @param trustedProxies the addresses whose {@code X-Forwarded-For} names the client ({@link ClientAddress})
 */
public record ServiceHttp(
    String service,
    int port,
    Map<String, ApiHandler> operations,
    JWTAuth tokens,
    List<HealthCheck> healthChecks,
    int requestTimeoutMs,
    Set<String> trustedProxies,
    Optional<String> metricsToken) {

  public String contractPath() {
    return "openapi/" + service + ".yaml";
  }
}
