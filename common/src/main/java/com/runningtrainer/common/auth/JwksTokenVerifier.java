package com.runningtrainer.common.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.Credentials;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Verifies access tokens with the public keys auth publishes as a JWKS: the type
 * ({@code typ: at+jwt}, so that no other kind of JWT passes for one), signature, expiry (which
 * must be there), issuer and audience. Keys are cached and fetched again only when a token names a key id
 * not seen yet (at most once per {@link #REFRESH_INTERVAL_MS}), so no request calls auth; a
 * token verified once is not verified again until it expires.
 * It verifies only; it signs nothing.
 */
public final class JwksTokenVerifier implements JWTAuth {

  static final long REFRESH_INTERVAL_MS = 10_000;
  private static final String ACCESS_TOKEN_TYPE = "at+jwt";
  private static final int VERIFIED_TOKENS_KEPT = 10_000;

  private final Vertx vertx;
  private final Supplier<Future<JsonObject>> jwksSource;
  private final RevocationFeed revocations;
  private final JWTOptions claims;
  private JWTAuth keys;
  private Set<String> keyIds = Set.of();
  private long lastFetch = Long.MIN_VALUE / 2;
  private Future<JWTAuth> fetching;
  private final VerifiedTokens verified = new VerifiedTokens(VERIFIED_TOKENS_KEPT);

  /**
   * @param jwksSource fetches the current JWKS document ({@code {"keys": [...]}})
   * @param revocations checked for every request, verified before or not
   */
  public JwksTokenVerifier(Vertx vertx, Supplier<Future<JsonObject>> jwksSource, RevocationFeed revocations, String issuer,
      String audience) {
    this.vertx = vertx;
    this.jwksSource = jwksSource;
    this.revocations = revocations;
    this.claims = new JWTOptions().setIssuer(issuer).setAudience(List.of(audience)).setLeeway(5);
  }

  @Override
  public Future<User> authenticate(Credentials credentials) {
    if (!(credentials instanceof TokenCredentials token) || token.getToken() == null) {
      return Future.failedFuture("a bearer token is required");
    }
    return identify(token.getToken())
        .compose(user -> revocations.isRevoked(user.principal(), TokenTimes.issuedAt(user))
        .compose(revoked -> revoked ? Future.failedFuture("the token has been revoked") : Future.succeededFuture(user)));
  }

  /**
   * The caller a token names, when its type, signature, times, issuer and audience hold, without
   * asking whether it has been revoked: enough to tell whose budget a request spends (the
   * gateway's rate limits), never enough to let it in.
   */
  public Future<User> identify(String jwt) {
    long now = System.currentTimeMillis() / 1000;
    User known = verified.find(jwt, now);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    JsonObject header = header(jwt);
    if (!ACCESS_TOKEN_TYPE.equals(header.getString("typ"))) {
      return Future.failedFuture("not an access token");
    }
    return keysFor(header.getString("kid"))
        .compose(auth -> auth.authenticate(new TokenCredentials(jwt)))
        .compose(user -> {
          if (TokenTimes.expiry(user) == 0) {
            return Future.failedFuture("the token never expires");
          }
          // The principal travels on as the caller's claims (ApiRequest): give it its times back.
          user.principal().put("exp", TokenTimes.expiry(user)).put("iat", TokenTimes.issuedAt(user));
          verified.remember(jwt, user);
          return Future.succeededFuture(user);
        });
  }

  private synchronized Future<JWTAuth> keysFor(String keyId) {
    boolean known = keyId != null && keyIds.contains(keyId);
    boolean mayRefresh = System.currentTimeMillis() - lastFetch >= REFRESH_INTERVAL_MS;
    if (keys != null && (known || !mayRefresh)) {
      return Future.succeededFuture(keys);
    }
    if (fetching == null) {
      fetching = jwksSource.get().map(this::install).andThen(done -> clearFetch());
    }
    return fetching;
  }

  private synchronized JWTAuth install(JsonObject jwks) {
    JsonArray list = jwks.getJsonArray("keys", new JsonArray());
    Set<String> ids = new HashSet<>();
    JWTAuthOptions options = new JWTAuthOptions().setJWTOptions(claims);
    list.forEach(key -> {
      JsonObject jwk = (JsonObject) key;
      ids.add(jwk.getString("kid"));
      options.addJwk(jwk);
    });
    keys = JWTAuth.create(vertx, options);
    keyIds = Set.copyOf(ids);
    lastFetch = System.currentTimeMillis();
    return keys;
  }

  private synchronized void clearFetch() {
    fetching = null;
  }

  /** The token's JOSE header; empty when it has none that decodes. */
  static JsonObject header(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return new JsonObject();
    }
    try {
      return new JsonObject(Buffer.buffer(Base64.getUrlDecoder().decode(token.substring(0, dot))));
    } catch (RuntimeException e) {
      return new JsonObject();
    }
  }

  @Override
  public String generateToken(JsonObject claims, JWTOptions options) {
    throw new UnsupportedOperationException("a verifier does not sign tokens");
  }

  @Override
  public String generateToken(JsonObject claims) {
    throw new UnsupportedOperationException("a verifier does not sign tokens");
  }
}
