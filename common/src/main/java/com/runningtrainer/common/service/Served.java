package com.runningtrainer.common.service;

import com.runningtrainer.common.api.ApiHandler;
import com.runningtrainer.common.http.HealthCheck;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.util.List;
import java.util.Map;

/**
 * What a service serves: a handler per operationId of its contract, the verifier of its bearer
 * tokens, and the health checks of what it depends on beside its database.
 */
public record Served(Map<String, ApiHandler> operations, JWTAuth tokens, List<HealthCheck> healthChecks) {
}
