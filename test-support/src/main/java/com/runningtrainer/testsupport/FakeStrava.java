package com.runningtrainer.testsupport;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Strava's OAuth2 server on a local port, for auth's Strava login and the strava service:
 * {@code /oauth/authorize} signs in whichever athlete the test chose and sends the browser back
 * with a code and the scope granted; {@code /oauth/token} takes client id and secret as form
 * fields, redeems a code once ({@code authorization_code}) or a refresh token once
 * ({@code refresh_token}, which rotates it, so that only the newest works) and answers Strava's
 * token response (with the athlete for a code); {@code /oauth/revoke} and
 * {@code /oauth/deauthorize} end an athlete's tokens. Errors are Strava's shape, and a test can
 * make the token endpoint fail as Strava does ({@link Failure}).
 */
public final class FakeStrava implements AutoCloseable {

  public static final String CLIENT_ID = "4711";
  public static final String CLIENT_SECRET = "strava client secret";
  private static final AtomicLong ATHLETE_IDS = new AtomicLong(134_815);

  private final Vertx vertx;
  private final HttpServer server;
  private final Map<String, Athlete> grants = new ConcurrentHashMap<>();
  private final Set<String> redeemed = ConcurrentHashMap.newKeySet();
  private final Map<String, Athlete> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, Athlete> accessTokens = new ConcurrentHashMap<>();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final AtomicInteger refreshes = new AtomicInteger();
  private volatile Athlete signingIn;
  private volatile String grantedScope;
  private volatile long expiresInSeconds = 21_600;
  private volatile long refreshDelayMs;
  private volatile Failure tokenFailure;
  private volatile boolean revokeMissing;
  private volatile MultiMap lastTokenForm;
  private volatile String lastTokenAuthorization;

  /** An athlete who may sign in. */
  public record Athlete(long id, String firstname, String lastname) {
    public static Athlete next(String firstname, String lastname) {
      return new Athlete(ATHLETE_IDS.incrementAndGet(), firstname, lastname);
    }
  }

  /** How Strava's token endpoint refuses, as it does. */
  public enum Failure {
    /** 401: client id or secret refused. */
    UNAUTHORIZED,
    /** 400 naming the refresh token or code invalid: a revoked or used grant. */
    INVALID_GRANT,
    /** 403 "Application Inactive". */
    APPLICATION_INACTIVE,
    /** 500: Strava is having a bad day. */
    SERVER_ERROR
  }

  private FakeStrava(Vertx vertx, HttpServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  public static FakeStrava start() {
    Vertx vertx = Vertx.vertx();
    FakeStrava[] self = new FakeStrava[1];
    Router router = Router.router(vertx);
    router.get("/oauth/authorize").handler(rc -> self[0].authorize(rc));
    router.post("/oauth/token").handler(BodyHandler.create(false)).handler(rc -> self[0].token(rc));
    router.post("/oauth/revoke").handler(BodyHandler.create(false)).handler(rc -> self[0].revoke(rc));
    router.post("/oauth/deauthorize").handler(BodyHandler.create(false)).handler(rc -> self[0].deauthorize(rc));
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    self[0] = new FakeStrava(vertx, server);
    return self[0];
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public void signsIn(Athlete athlete) {
    this.signingIn = athlete;
  }

  /** The scope the athlete grants from now on, comma-separated; null: what was asked. */
  public void grants(String scope) {
    this.grantedScope = scope;
  }

  /** How long access tokens issued from now on live (Strava: six hours). */
  public void expiresIn(long seconds) {
    this.expiresInSeconds = seconds;
  }

  /** Slows every refresh down, so that concurrent ones overlap. */
  public void refreshDelay(long millis) {
    this.refreshDelayMs = millis;
  }

  /** Makes every token request fail so from now on; null: answer normally again. */
  public void failTokens(Failure failure) {
    this.tokenFailure = failure;
  }

  /** Makes {@code /oauth/revoke} answer 404, as if Strava only had {@code /oauth/deauthorize}. */
  public void revokeMissing(boolean missing) {
    this.revokeMissing = missing;
  }

  /** Revokes the athlete's authorization at Strava's side (the athlete did it in Strava's settings). */
  public void deauthorizeAtStrava(long athleteId) {
    refreshTokens.values().removeIf(athlete -> athlete.id() == athleteId);
    accessTokens.entrySet().removeIf(entry -> {
      boolean theirs = entry.getValue().id() == athleteId;
      if (theirs) {
        revoked.add(entry.getKey());
      }
      return theirs;
    });
  }

  /** How many refresh_token grants were answered with new tokens. */
  public int refreshes() {
    return refreshes.get();
  }

  /** Whether this access token was revoked (by revoke or deauthorize). */
  public boolean isRevoked(String accessToken) {
    return revoked.contains(accessToken);
  }

  /** How many access tokens were revoked. */
  public int revokedCount() {
    return revoked.size();
  }

  /** The form of the last token request. */
  public MultiMap lastTokenForm() {
    return lastTokenForm;
  }

  /** The Authorization header of the last token request; null when it had none. */
  public String lastTokenAuthorization() {
    return lastTokenAuthorization;
  }

  private void authorize(RoutingContext rc) {
    MultiMap query = rc.queryParams();
    String redirectUri = query.get("redirect_uri");
    if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type")) || redirectUri == null
        || query.get("state") == null || signingIn == null) {
      json(rc, 400, fault("Bad Request", "Application", "client_id", "invalid"));
      return;
    }
    String code = UUID.randomUUID().toString().replace("-", "");
    grants.put(code, signingIn);
    String scope = grantedScope != null ? grantedScope : query.get("scope");
    rc.response().setStatusCode(302).putHeader("Location", redirectUri + "?state=" + encode(query.get("state"))
        + "&code=" + code + "&scope=" + encode(scope)).end();
  }

  private void token(RoutingContext rc) {
    MultiMap form = rc.request().formAttributes();
    lastTokenForm = MultiMap.caseInsensitiveMultiMap().addAll(form);
    lastTokenAuthorization = rc.request().getHeader("Authorization");
    Failure failure = tokenFailure;
    if (failure != null) {
      fail(rc, failure, "refresh_token".equals(form.get("grant_type")) ? "RefreshToken" : "AuthorizationCode");
      return;
    }
    if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      json(rc, 401, fault("Authorization Error", "Application", "client_secret", "invalid"));
      return;
    }
    if ("refresh_token".equals(form.get("grant_type"))) {
      refresh(rc, form.get("refresh_token"));
      return;
    }
    String code = form.get("code");
    Athlete athlete = code == null ? null : grants.get(code);
    if (!"authorization_code".equals(form.get("grant_type")) || athlete == null || !redeemed.add(code)) {
      json(rc, 400, fault("Bad Request", "AuthorizationCode", "code", "invalid"));
      return;
    }
    json(rc, 200, tokens(athlete).put("athlete", new JsonObject()
        .put("id", athlete.id())
        .put("username", null)
        .put("resource_state", 2)
        .put("firstname", athlete.firstname())
        .put("lastname", athlete.lastname())
        .put("city", "Bern")
        .put("country", "Switzerland")
        .put("sex", "F")
        .put("premium", false)
        .put("summit", false)
        .put("created_at", "2019-03-02T09:12:44Z")
        .put("updated_at", "2026-01-05T18:20:11Z")
        .put("profile_medium", "avatar/athlete/medium.png")
        .put("profile", "avatar/athlete/large.png")));
  }

  /** A refresh token serves once: it is swapped for a new one, so only the newest works. */
  private void refresh(RoutingContext rc, String refreshToken) {
    Athlete athlete = refreshToken == null ? null : refreshTokens.remove(refreshToken);
    if (athlete == null) {
      json(rc, 400, fault("Bad Request", "RefreshToken", "refresh_token", "invalid"));
      return;
    }
    refreshes.incrementAndGet();
    JsonObject answer = tokens(athlete);
    if (refreshDelayMs > 0) {
      vertx.setTimer(refreshDelayMs, timer -> json(rc, 200, answer));
    } else {
      json(rc, 200, answer);
    }
  }

  private JsonObject tokens(Athlete athlete) {
    String access = UUID.randomUUID().toString().replace("-", "");
    String refresh = UUID.randomUUID().toString().replace("-", "");
    accessTokens.put(access, athlete);
    refreshTokens.put(refresh, athlete);
    long now = System.currentTimeMillis() / 1000;
    return new JsonObject()
        .put("token_type", "Bearer")
        .put("expires_at", now + expiresInSeconds)
        .put("expires_in", expiresInSeconds)
        .put("refresh_token", refresh)
        .put("access_token", access);
  }

  private void revoke(RoutingContext rc) {
    if (revokeMissing) {
      json(rc, 404, new JsonObject().put("message", "Record Not Found"));
      return;
    }
    MultiMap form = rc.request().formAttributes();
    if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      json(rc, 401, fault("Authorization Error", "Application", "client_secret", "invalid"));
      return;
    }
    endAuthorization(rc, form.get("token"));
  }

  private void deauthorize(RoutingContext rc) {
    String authorization = rc.request().getHeader("Authorization");
    String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    endAuthorization(rc, token);
  }

  private void endAuthorization(RoutingContext rc, String accessToken) {
    Athlete athlete = accessToken == null ? null : accessTokens.get(accessToken);
    if (athlete == null) {
      json(rc, 401, fault("Authorization Error", "Athlete", "access_token", "invalid"));
      return;
    }
    deauthorizeAtStrava(athlete.id());
    json(rc, 200, new JsonObject().put("access_token", accessToken));
  }

  private static void fail(RoutingContext rc, Failure failure, String resource) {
    switch (failure) {
      case UNAUTHORIZED -> json(rc, 401, fault("Authorization Error", "Athlete", "access_token", "invalid"));
      case INVALID_GRANT -> json(rc, 400, fault("Bad Request", resource, resource.equals("RefreshToken") ? "refresh_token" : "code", "invalid"));
      case APPLICATION_INACTIVE -> json(rc, 403, fault("Application Inactive", "Application", "", "inactive"));
      case SERVER_ERROR -> json(rc, 500, new JsonObject().put("message", "Internal Server Error"));
    }
  }

  private static JsonObject fault(String message, String resource, String field, String code) {
    return new JsonObject().put("message", message)
        .put("errors", new JsonArray().add(new JsonObject().put("resource", resource).put("field", field).put("code", code)));
  }

  private static void json(RoutingContext rc, int status, JsonObject body) {
    rc.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
