package com.runningtrainer.auth;

import static java.util.Map.entry;

import com.runningtrainer.auth.session.BrowserSessions;
import com.runningtrainer.common.api.ApiHandler;
import com.runningtrainer.common.api.ApiRequest;
import com.runningtrainer.common.api.ApiResponse;
import com.runningtrainer.common.api.Failures;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** One handler per operationId of {@code openapi/auth.yaml}, each a call of the service. */
public final class AuthApi {

  private final AuthService service;
  private final BrowserSessions browsers;

  public AuthApi(AuthService service, BrowserSessions browsers) {
    this.service = service;
    this.browsers = browsers;
  }

  public Map<String, ApiHandler> operations() {
    return Map.ofEntries(
        Map.entry("register", r -> service.register(r.bodyAsJson(), r.client()).map(ApiResponse::accepted)),
        Map.entry("login", r -> service.login(r.bodyAsJson(), r.client()).map(tokens -> browsers.tokens(r, tokens))),
        Map.entry("refresh", r -> refresh(r)),
        Map.entry("logout", r -> service.logout(r.principal()).map(v -> browsers.loggedOut())),
        Map.entry("me", r -> service.me(r.userId()).map(ApiResponse::ok)),
        Map.entry("listSessions", r -> service.sessions(r.principal(), r.query()).map(ApiResponse::ok)),
        Map.entry("endSession", r -> service.endSession(r.principal(), r.pathParam("id")).map(v -> ApiResponse.noContent())),
        Map.entry("endSessions", r -> service.endSessions(r.principal()).map(v -> ApiResponse.noContent())),
        Map.entry("listUsers", r -> service.listUsers(r.principal(), r.query()).map(ApiResponse::ok)),
        Map.entry("grantRole", r -> service.grantRole(r.principal(), r.pathParam("id"), r.pathParam("role"))
            .map(v -> ApiResponse.noContent())),
        Map.entry("removeRole", r -> service.removeRole(r.principal(), r.pathParam("id"), r.pathParam("role"))
            .map(v -> ApiResponse.noContent())),
        Map.entry("disableUser", r -> service.disableUser(r.principal(), r.pathParam("id")).map(v -> ApiResponse.noContent())),
        Map.entry("enableUser", r -> service.enableUser(r.principal(), r.pathParam("id")).map(v -> ApiResponse.noContent())),
        Map.entry("oauthProviders", r -> service.oauthProviders().map(ApiResponse::ok)),
        Map.entry("oauthStart", r -> service.oauthStart(r.pathParam("provider"), "cookie".equals(r.query().getString("session")))
            .map(AuthApi::redirect)),
        Map.entry("oauthCallback", r -> service.oauthCallback(r.pathParam("provider"), r.query(), r.client())
            .map(browsers::landing)),
        Map.entry("verifyEmail", r -> service.verifyEmail(r.bodyAsJson()).map(v -> ApiResponse.noContent())),
        Map.entry("resendVerification", r -> service.resendVerification(r.userId()).map(v -> ApiResponse.accepted())),
        Map.entry("requestPasswordReset", r -> service.requestPasswordReset(r.bodyAsJson(), r.client()).map(v -> ApiResponse.accepted())),
        Map.entry("confirmPasswordReset", r -> service.confirmPasswordReset(r.bodyAsJson()).map(v -> ApiResponse.noContent())),
        Map.entry("changePassword", r -> service.changePassword(r.principal(), r.bodyAsJson(), r.client())
            .map(v -> ApiResponse.noContent())),
        Map.entry("changeEmail", r -> service.changeEmail(r.principal(), r.bodyAsJson(), r.client())
            .map(v -> ApiResponse.accepted())),
        Map.entry("confirmEmailChange", r -> service.confirmEmailChange(r.bodyAsJson()).map(v -> ApiResponse.noContent())),
        Map.entry("jwks", r -> service.jwks().map(jwks -> ApiResponse.ok(jwks).withHeader("Cache-Control", "max-age=300"))));
  }

  // A browser with no cookie has no session to refresh: 401, as for a token that no longer works.
  private Future<ApiResponse> refresh(ApiRequest request) {
    JsonObject body = browsers.refreshBody(request);
    if (browsers.wanted(request) && body.isEmpty()) {
      return Future.failedFuture(Failures.unauthorized("no session cookie"));
    }
    return service.refresh(body, request.client()).map(tokens -> browsers.tokens(request, tokens));
  }

  // Each authorization URL carries a state of its own: no cache may answer it twice.
  private static ApiResponse redirect(String location) {
    return new ApiResponse(302, new JsonObject().put("Location", location).put("Cache-Control", "no-store"), null);
  }
}
