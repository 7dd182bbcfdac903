package com.runningtrainer.auth.token;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.List;
import java.util.UUID;

/**
 * Signs access tokens (RFC 9068 style: {@code typ: at+jwt}, a {@code kid}, issuer, audience,
 * 15 minutes) with the newest signing key, and publishes every stored key as the JWKS.
 */
public final class TokenIssuer {

  public static final int LIFETIME_SECONDS = 15 * 60;

  private final JWTAuth signer;
  private final SigningKey current;
  private final JsonObject jwks;
  private final String issuer;
  private final String audience;

  private TokenIssuer(Vertx vertx, List<SigningKey> keys, String issuer, String audience) {
    this.current = keys.get(0);
    this.signer = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions()
        .setAlgorithm(SigningKey.ALGORITHM).setBuffer(current.privateKeyPem()).setId(current.kid())));
    this.jwks = new JsonObject().put("keys", new JsonArray(keys.stream().map(SigningKey::publicJwk).toList()));
    this.issuer = issuer;
    this.audience = audience;
  }

  /** Loads the stored keys, making the first one on a first start. */
  public static Future<TokenIssuer> load(Vertx vertx, SigningKeyRepository repository, String issuer, String audience) {
    return repository.all()
        .compose(keys -> keys.isEmpty()
            ? vertx.executeBlocking(SigningKey::generate).compose(repository::insert).compose(stored -> repository.all())
            : Future.succeededFuture(keys))
        .map(keys -> new TokenIssuer(vertx, keys, issuer, audience));
  }

  /** A signed access token for the user. */
  public String issue(JsonObject user) {
    JsonObject claims = new JsonObject()
        .put("jti", UUID.randomUUID().toString())
        .put("roles", user.getJsonArray("roles"));
    JWTOptions options = new JWTOptions()
        .setAlgorithm(SigningKey.ALGORITHM)
        .setExpiresInSeconds(LIFETIME_SECONDS)
        .setIssuer(issuer)
        .setAudience(List.of(audience))
        .setSubject(user.getString("id"))
        .setHeader(new JsonObject().put("typ", "at+jwt").put("kid", current.kid()));
    return signer.generateToken(claims, options);
  }

  /** The public keys as a JSON Web Key Set. */
  public JsonObject jwks() {
    return jwks.copy();
  }
}
