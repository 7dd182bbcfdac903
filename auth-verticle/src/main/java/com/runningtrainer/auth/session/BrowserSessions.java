package com.runningtrainer.auth.session;

import com.runningtrainer.auth.oauth.OAuthLanding;
import com.runningtrainer.common.api.ApiRequest;
import com.runningtrainer.common.api.ApiResponse;
import com.runningtrainer.common.config.Config;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Set;

/**
 * How a browser holds its session: the refresh token in an {@code HttpOnly}, {@code SameSite=Strict}
 * cookie that only the refresh operation receives, never in a body a script could read. A client
 * asks for it with {@code X-Session: cookie}; without that header the tokens travel in the body,
 * as API clients have them.
 */
public final class BrowserSessions {

  /** The cookie's name, as the contract declares it. */
  public static final String COOKIE = "rt_refresh";
  static final String HEADER = "X-Session";
  static final String PATH = "/api/v1/auth/refresh";
  private static final String REFRESH_TOKEN = "refresh_token";
  private static final long MAX_AGE_SECONDS = 30L * 24 * 3600;
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final boolean secure;
  private final String app;

  BrowserSessions(boolean secure, String app) {
    this.secure = secure;
    this.app = app;
  }

  /**
   * {@code Secure} unless the platform's public address is plain http on this machine: a
   * browser keeps no Secure cookie from an http page, and only localhost is served so in earnest.
   */
  public static BrowserSessions from(Config config, String defaultPublicBaseUrl) {
    String publicBase = config.string("PUBLIC_BASE_URL", defaultPublicBaseUrl).replaceAll("/+$", "");
    URI base = URI.create(publicBase);
    boolean local = "http".equals(base.getScheme()) && LOCAL_HOSTS.contains(base.getHost());
    return new BrowserSessions(!local, publicBase + "/");
  }

  /** Whether the caller is a browser that keeps its refresh token in the cookie. */
  public boolean wanted(ApiRequest request) {
    return "cookie".equals(request.header(HEADER));
  }

  /** The refresh body an API client sent, or for a browser the one its cookie makes (empty without a cookie). */
  public JsonObject refreshBody(ApiRequest request) {
    if (!wanted(request)) {
      return request.bodyAsJson();
    }
    String token = request.header(COOKIE);
    return token == null ? new JsonObject() : new JsonObject().put(REFRESH_TOKEN, token);
  }

  /** New tokens: as they are for an API client; for a browser, the refresh token moved into the cookie. */
  public ApiResponse tokens(ApiRequest request, JsonObject tokens) {
    if (!wanted(request)) {
      return ApiResponse.ok(tokens).withHeader("Cache-Control", "no-store");
    }
    JsonObject body = tokens.copy();
    String refresh = (String) body.remove(REFRESH_TOKEN);
    return ApiResponse.ok(body).withHeader("Cache-Control", "no-store")
        .withHeader("Set-Cookie", cookie(refresh, MAX_AGE_SECONDS));
  }

  /**
   * The answer of an OAuth2 login's callback: the tokens as JSON for an API client; for the web
   * app, a redirect to it, with the session cookie when signed in (the app trades it for an
   * access token, so that no token travels in a URL), or naming the failure's status.
   */
  public ApiResponse landing(OAuthLanding landing) {
    if (!landing.browser()) {
      return ApiResponse.ok(landing.tokens()).withHeader("Cache-Control", "no-store");
    }
    if (landing.tokens() == null) {
      return redirect(app + "#/login/oauth-" + landing.failure());
    }
    return redirect(app).withHeader("Set-Cookie", cookie(landing.tokens().getString(REFRESH_TOKEN), MAX_AGE_SECONDS));
  }

  private static ApiResponse redirect(String location) {
    return new ApiResponse(302, new JsonObject().put("Location", location).put("Cache-Control", "no-store"), null);
  }

  /** A logout's answer: no content, and the browser's cookie gone. */
  public ApiResponse loggedOut() {
    return ApiResponse.noContent().withHeader("Set-Cookie", cookie("", 0));
  }

  private String cookie(String value, long maxAgeSeconds) {
    return COOKIE + "=" + value + "; Path=" + PATH + "; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }
}
