package com.runningtrainer.auth;

import com.runningtrainer.common.api.ApiHandler;
import com.runningtrainer.common.api.ApiResponse;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** One handler per operationId of {@code openapi/auth.yaml}, each a call of the service. */
public final class AuthApi {

  private final AuthService service;

  public AuthApi(AuthService service) {
    this.service = service;
  }

  public Map<String, ApiHandler> operations() {
    return Map.of(
        "register", r -> service.register(r.bodyAsJson()).map(user -> ApiResponse.created(user, "/api/v1/auth/me")),
        "login", r -> service.login(r.bodyAsJson(), r.client()).map(AuthApi::tokens),
        "refresh", r -> service.refresh(r.bodyAsJson(), r.client()).map(AuthApi::tokens),
        "logout", r -> service.logout(r.principal()).map(v -> ApiResponse.noContent()),
        "me", r -> service.me(r.userId()).map(ApiResponse::ok),
        "listSessions", r -> service.sessions(r.principal(), r.query()).map(ApiResponse::ok),
        "endSession", r -> service.endSession(r.principal(), r.pathParam("id")).map(v -> ApiResponse.noContent()),
        "endSessions", r -> service.endSessions(r.principal()).map(v -> ApiResponse.noContent()),
        "jwks", r -> service.jwks().map(jwks -> ApiResponse.ok(jwks).withHeader("Cache-Control", "max-age=300")));
  }

  private static ApiResponse tokens(JsonObject answer) {
    return ApiResponse.ok(answer).withHeader("Cache-Control", "no-store");
  }
}
