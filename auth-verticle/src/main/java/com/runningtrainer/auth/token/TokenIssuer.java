package com.runningtrainer.auth.token;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Signs access tokens (RFC 9068 style: {@code typ: at+jwt}, a {@code kid}, issuer, audience,
 * 15 minutes) with the newest signing key, and publishes every stored key as the JWKS.
 */
public final class TokenIssuer {

  public static final int LIFETIME_SECONDS = 15 * 60;

  private final AccessTokenSigner signer;
  private final JsonObject jwks;
  private final String issuer;
  private final String audience;

  private TokenIssuer(List<SigningKey> keys, String issuer, String audience) {
    this.signer = new AccessTokenSigner(keys.get(0));
    this.jwks = new JsonObject().put("keys", new JsonArray(keys.stream().map(SigningKey::publicJwk).toList()));
    this.issuer = issuer;
    this.audience = audience;
  }

  /** Loads the stored keys, making the first one on a first start. */
  public static Future<TokenIssuer> load(Vertx vertx, SigningKeyRepository repository, String issuer, String audience) {
    return repository.all()
        .compose(keys -> keys.isEmpty()
            ? vertx.executeBlocking(SigningKey::generate).compose(repository::insertFirst).compose(stored -> repository.all())
            : Future.succeededFuture(keys))
        .map(keys -> new TokenIssuer(keys, issuer, audience));
  }

  /** A signed access token for the user in a session, valid {@link #LIFETIME_SECONDS} from now. */
  public String issue(JsonObject user, UUID sessionId) {
    long now = Instant.now().getEpochSecond();
    return signer.sign(new JsonObject()
        .put("iss", issuer)
        .put("sub", user.getString("id"))
        .put("aud", audience)
        .put("iat", now)
        .put("exp", now + LIFETIME_SECONDS)
        .put("jti", UUID.randomUUID().toString())
        .put("sid", sessionId.toString())
        .put("roles", user.getJsonArray("roles")));
  }

  /** The public keys as a JSON Web Key Set. */
  public JsonObject jwks() {
    return jwks.copy();
  }
}
