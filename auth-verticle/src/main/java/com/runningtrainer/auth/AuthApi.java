package com.runningtrainer.auth;

import com.runningtrainer.common.api.ApiHandler;
import com.runningtrainer.common.api.ApiResponse;
import java.util.Map;

/** One handler per operationId of {@code openapi/auth.yaml}, each a call of the service. */
public final class AuthApi {

  private final AuthService service;

  public AuthApi(AuthService service) {
    this.service = service;
  }

  public Map<String, ApiHandler> operations() {
    return Map.of(
        "register", r -> service.register(r.bodyAsJson(), r.clientIp())
            .map(user -> ApiResponse.created(user, "/api/v1/auth/me")),
        "login", r -> service.login(r.bodyAsJson(), r.clientIp()).map(token -> ApiResponse.ok(token).withHeader("Cache-Control", "no-store")),
        "me", r -> service.me(r.userId()).map(ApiResponse::ok),
        "jwks", r -> service.jwks().map(jwks -> ApiResponse.ok(jwks).withHeader("Cache-Control", "max-age=300")));
  }
}
