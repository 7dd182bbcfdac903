package com.runningtrainer.auth;

import com.runningtrainer.auth.token.SigningKey;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Google's OpenID Connect provider as far as a login needs it, speaking the real protocol on a
 * local port: the discovery document, an authorization page that signs in whoever the test
 * chose and sends the browser back with a code, a token endpoint that redeems a code once,
 * for its client, its redirect URI and its PKCE verifier only, and answers an ID token signed
 * RS256 with a key it publishes at its JWKS URI.
 */
final class FakeGoogle implements AutoCloseable {

  static final String CLIENT_ID = "running-trainer.apps.googleusercontent.test";
  static final String CLIENT_SECRET = "google client secret";

  private final Vertx vertx;
  private final HttpServer server;
  private final SigningKey published = SigningKey.generate();
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();
  private final Set<String> redeemed = ConcurrentHashMap.newKeySet();
  private volatile Account signingIn;
  private volatile SigningKey signing = published;
  private volatile UnaryOperator<JsonObject> idTokenChange = UnaryOperator.identity();
  private volatile int tokenFailureStatus;
  private volatile long tokenDelayMs;
  private final AtomicInteger tokenRequests = new AtomicInteger();

  record Account(String subject, String email, boolean emailVerified, String name) {
    static Account verified(String email) {
      return new Account(UUID.randomUUID().toString().replace("-", ""), email, true, "Ann Runner");
    }

    static Account unverified(String email) {
      return new Account(UUID.randomUUID().toString().replace("-", ""), email, false, "Ann Runner");
    }
  }

  private record Grant(Account account, String redirectUri, String challenge, String nonce) {
  }

  private FakeGoogle(Vertx vertx, HttpServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  /** On a free port, or on {@code port} (0 for any). */
  static FakeGoogle start(int port) {
    Vertx vertx = Vertx.vertx();
    FakeGoogle[] self = new FakeGoogle[1];
    Router router = Router.router(vertx);
    router.get("/.well-known/openid-configuration").handler(rc -> self[0].discovery(rc));
    router.get("/o/oauth2/v2/auth").handler(rc -> self[0].authorize(rc));
    router.post("/token").handler(BodyHandler.create(false)).handler(rc -> self[0].token(rc));
    router.get("/oauth2/v3/certs").handler(rc -> self[0].certs(rc));
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1").await();
    self[0] = new FakeGoogle(vertx, server);
    return self[0];
  }

  static FakeGoogle start() {
    return start(0);
  }

  String issuer() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** Who signs in at the authorization page from now on. */
  void signsIn(Account account) {
    this.signingIn = account;
  }

  /** ID tokens from now on carry the claims as changed by {@code change}. */
  void changesIdTokens(UnaryOperator<JsonObject> change) {
    this.idTokenChange = change;
  }

  /** ID tokens from now on are signed with {@code key}, under its kid, which Google does not publish. */
  void signsIdTokensWith(SigningKey key) {
    this.signing = key;
  }

  /** ID tokens from now on name Google's published key id but carry another key's signature. */
  void forgesIdTokenSignatures() {
    SigningKey stranger = SigningKey.generate();
    this.signing = new SigningKey(published.kid(), stranger.privateKeyPem(), stranger.publicJwk());
  }

  /** The token endpoint answers {@code status} from now on, as a Google having an outage. */
  void failsTokenRequests(int status) {
    this.tokenFailureStatus = status;
  }

  /** The token endpoint answers only after {@code delayMs}. */
  void delaysTokenRequests(long delayMs) {
    this.tokenDelayMs = delayMs;
  }

  /** How many token requests reached Google so far. */
  int tokenRequests() {
    return tokenRequests.get();
  }

  /** Back to answering well and at once. */
  void behaves() {
    idTokenChange = UnaryOperator.identity();
    signing = published;
    tokenFailureStatus = 0;
    tokenDelayMs = 0;
  }

  private void discovery(RoutingContext rc) {
    json(rc, 200, new JsonObject()
        .put("issuer", issuer())
        .put("authorization_endpoint", issuer() + "/o/oauth2/v2/auth")
        .put("token_endpoint", issuer() + "/token")
        .put("userinfo_endpoint", issuer() + "/v1/userinfo")
        .put("revocation_endpoint", issuer() + "/revoke")
        .put("jwks_uri", issuer() + "/oauth2/v3/certs")
        .put("response_types_supported", new JsonArray().add("code").add("id_token"))
        .put("subject_types_supported", new JsonArray().add("public"))
        .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256"))
        .put("scopes_supported", new JsonArray().add("openid").add("email").add("profile"))
        .put("code_challenge_methods_supported", new JsonArray().add("plain").add("S256"))
        .put("grant_types_supported", new JsonArray().add("authorization_code").add("refresh_token")));
  }

  private void certs(RoutingContext rc) {
    rc.response().putHeader("Cache-Control", "public, max-age=3600");
    json(rc, 200, new JsonObject().put("keys", new JsonArray().add(published.publicJwk())));
  }

  private void authorize(RoutingContext rc) {
    MultiMap query = rc.queryParams();
    String redirectUri = query.get("redirect_uri");
    boolean wellFormed = CLIENT_ID.equals(query.get("client_id"))
        && "code".equals(query.get("response_type"))
        && redirectUri != null
        && query.get("state") != null
        && query.get("nonce") != null
        && String.valueOf(query.get("scope")).contains("openid")
        && "S256".equals(query.get("code_challenge_method"))
        && query.get("code_challenge") != null;
    if (!wellFormed || signingIn == null) {
      rc.response().setStatusCode(400).end("Error 400: invalid_request");
      return;
    }
    String code = "4/0A" + UUID.randomUUID();
    grants.put(code, new Grant(signingIn, redirectUri, query.get("code_challenge"), query.get("nonce")));
    rc.response().setStatusCode(302).putHeader("Location", redirectUri + "?state=" + encode(query.get("state")) + "&code="
        + encode(code) + "&scope=" + encode("email profile openid") + "&authuser=0&prompt=consent").end();
  }

  private void token(RoutingContext rc) {
    tokenRequests.incrementAndGet();
    if (tokenFailureStatus != 0) {
      rc.response().setStatusCode(tokenFailureStatus).end("Service Unavailable");
      return;
    }
    if (tokenDelayMs > 0) {
      vertx.setTimer(tokenDelayMs, timer -> redeem(rc));
    } else {
      redeem(rc);
    }
  }

  private void redeem(RoutingContext rc) {
    MultiMap form = rc.request().formAttributes();
    if (!clientAuthenticated(rc, form)) {
      json(rc, 401, error("invalid_client", "The OAuth client was not found."));
      return;
    }
    String code = form.get("code");
    Grant grant = code == null ? null : grants.get(code);
    // Google refuses a code the second time, and with it any code whose verifier does not match.
    if (!"authorization_code".equals(form.get("grant_type")) || grant == null || !redeemed.add(code)
        || !grant.redirectUri().equals(form.get("redirect_uri")) || !grant.challenge().equals(s256(form.get("code_verifier")))) {
      json(rc, 400, error("invalid_grant", "Bad Request"));
      return;
    }
    json(rc, 200, new JsonObject()
        .put("access_token", "ya29." + UUID.randomUUID())
        .put("expires_in", 3599)
        .put("scope", "openid https://www.googleapis.com/auth/userinfo.email https://www.googleapis.com/auth/userinfo.profile")
        .put("token_type", "Bearer")
        .put("id_token", idToken(grant)));
  }

  private String idToken(Grant grant) {
    long now = System.currentTimeMillis() / 1000;
    JsonObject claims = new JsonObject()
        .put("iss", issuer())
        .put("azp", CLIENT_ID)
        .put("aud", CLIENT_ID)
        .put("sub", grant.account().subject())
        .put("email", grant.account().email())
        .put("email_verified", grant.account().emailVerified())
        .put("nonce", grant.nonce())
        .put("name", grant.account().name())
        .put("iat", now)
        .put("exp", now + 3600);
    SigningKey key = signing;
    return TokenForge.rs256(vertx, key.kid(), key.privateKeyPem()).typed("JWT").sign(idTokenChange.apply(claims));
  }

  // A client authenticates with HTTP Basic, or with both fields in the form.
  private static boolean clientAuthenticated(RoutingContext rc, MultiMap form) {
    String basic = rc.request().getHeader("Authorization");
    if (basic != null && basic.startsWith("Basic ")) {
      String pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
      return pair.equals(encode(CLIENT_ID) + ":" + encode(CLIENT_SECRET)) || pair.equals(CLIENT_ID + ":" + CLIENT_SECRET);
    }
    return CLIENT_ID.equals(form.get("client_id")) && CLIENT_SECRET.equals(form.get("client_secret"));
  }

  private static JsonObject error(String error, String description) {
    return new JsonObject().put("error", error).put("error_description", description);
  }

  private static String s256(String verifier) {
    if (verifier == null) {
      return "";
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
