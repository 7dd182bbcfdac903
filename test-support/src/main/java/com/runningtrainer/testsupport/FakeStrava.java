package com.runningtrainer.auth;

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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Strava's OAuth2 server as far as a login needs it, on a local port: {@code /oauth/authorize}
 * signs in whichever athlete the test chose and sends the browser back with a code;
 * {@code /oauth/token} takes client id and secret as form fields, redeems a code once, and
 * answers Strava's token response with the athlete in it. Errors are Strava's shape.
 */
final class FakeStrava implements AutoCloseable {

  static final String CLIENT_ID = "4711";
  static final String CLIENT_SECRET = "strava client secret";
  private static final AtomicLong ATHLETE_IDS = new AtomicLong(134_815);

  private final Vertx vertx;
  private final HttpServer server;
  private final Map<String, Athlete> grants = new ConcurrentHashMap<>();
  private final Set<String> redeemed = ConcurrentHashMap.newKeySet();
  private volatile Athlete signingIn;
  private volatile MultiMap lastTokenForm;
  private volatile String lastTokenAuthorization;

  record Athlete(long id, String firstname, String lastname) {
    static Athlete next(String firstname, String lastname) {
      return new Athlete(ATHLETE_IDS.incrementAndGet(), firstname, lastname);
    }
  }

  private FakeStrava(Vertx vertx, HttpServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  static FakeStrava start() {
    Vertx vertx = Vertx.vertx();
    FakeStrava[] self = new FakeStrava[1];
    Router router = Router.router(vertx);
    router.get("/oauth/authorize").handler(rc -> self[0].authorize(rc));
    router.post("/oauth/token").handler(BodyHandler.create(false)).handler(rc -> self[0].token(rc));
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    self[0] = new FakeStrava(vertx, server);
    return self[0];
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  void signsIn(Athlete athlete) {
    this.signingIn = athlete;
  }

  /** The form of the last token request. */
  MultiMap lastTokenForm() {
    return lastTokenForm;
  }

  /** The Authorization header of the last token request; null when it had none. */
  String lastTokenAuthorization() {
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
    rc.response().setStatusCode(302).putHeader("Location", redirectUri + "?state=" + encode(query.get("state"))
        + "&code=" + code + "&scope=" + encode(query.get("scope"))).end();
  }

  private void token(RoutingContext rc) {
    MultiMap form = rc.request().formAttributes();
    lastTokenForm = MultiMap.caseInsensitiveMultiMap().addAll(form);
    lastTokenAuthorization = rc.request().getHeader("Authorization");
    if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      json(rc, 401, fault("Authorization Error", "Application", "client_secret", "invalid"));
      return;
    }
    String code = form.get("code");
    Athlete athlete = code == null ? null : grants.get(code);
    if (!"authorization_code".equals(form.get("grant_type")) || athlete == null || !redeemed.add(code)) {
      json(rc, 400, fault("Bad Request", "AuthorizationCode", "code", "invalid"));
      return;
    }
    long now = System.currentTimeMillis() / 1000;
    json(rc, 200, new JsonObject()
        .put("token_type", "Bearer")
        .put("expires_at", now + 21_600)
        .put("expires_in", 21_600)
        .put("refresh_token", UUID.randomUUID().toString().replace("-", ""))
        .put("access_token", UUID.randomUUID().toString().replace("-", ""))
        .put("athlete", new JsonObject()
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

  private static JsonObject fault(String message, String resource, String field, String code) {
    return new JsonObject().put("message", message)
        .put("errors", new JsonArray().add(new JsonObject().put("resource", resource).put("field", field).put("code", code)));
  }

  private static void json(RoutingContext rc, int status, JsonObject body) {
    rc.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
