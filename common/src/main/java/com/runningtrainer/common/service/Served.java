package com.runningtrainer.common.service;

import com.runningtrainer.common.api.ApiHandler;
import com.runningtrainer.common.http.HealthCheck;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a service serves: a handler per operationId of its contract, where the public keys of
 * access tokens come from, and the health checks of what it depends on beyond its database and
 * Redis.
 *
 * @param jwks the JWKS source; null to fetch auth's over HTTP ({@code AUTH_JWKS_URL})
 */
public record Served(Map<String, ApiHandler> operations, Supplier<Future<JsonObject>> jwks,
    List<HealthCheck> healthChecks) {

  /** A service that verifies tokens with the keys auth publishes. */
  public static Served usingAuthJwks(Map<String, ApiHandler> operations) {
    return new Served(operations, null, List.of());
  }
}
