package com.runningtrainer.auth;

import static java.util.Map.entry;

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
    return Map.ofEntries(
        entry("register", r -> service.register(r.bodyAsJson()).map(user -> ApiResponse.created(user, "/api/v1/auth/me"))),
        entry("login", r -> service.login(r.bodyAsJson(), r.client()).map(AuthApi::tokens)),
        entry("refresh", r -> service.refresh(r.bodyAsJson(), r.client()).map(AuthApi::tokens)),
        entry("logout", r -> service.logout(r.principal()).map(v -> ApiResponse.noContent())),
        entry("me", r -> service.me(r.userId()).map(ApiResponse::ok)),
        entry("listSessions", r -> service.sessions(r.principal(), r.query()).map(ApiResponse::ok)),
        entry("endSession", r -> service.endSession(r.principal(), r.pathParam("id")).map(v -> ApiResponse.noContent())),
        entry("endSessions", r -> service.endSessions(r.principal()).map(v -> ApiResponse.noContent())),
        entry("verifyEmail", r -> service.verifyEmail(r.bodyAsJson()).map(v -> ApiResponse.noContent())),
        entry("resendVerification", r -> service.resendVerification(r.userId()).map(v -> ApiResponse.accepted())),
        entry("requestPasswordReset", r -> service.requestPasswordReset(r.bodyAsJson()).map(v -> ApiResponse.accepted())),
        entry("confirmPasswordReset", r -> service.confirmPasswordReset(r.bodyAsJson()).map(v -> ApiResponse.noContent())),
        entry("jwks", r -> service.jwks().map(jwks -> ApiResponse.ok(jwks).withHeader("Cache-Control", "max-age=300"))));
  }

  private static ApiResponse tokens(JsonObject answer) {
    return ApiResponse.ok(answer).withHeader("Cache-Control", "no-store");
  }
}
