package com.runningtrainer.auth.token;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs access tokens (RFC 9068 style: {@code typ: at+jwt}, a {@code kid}, issuer, audience,
 * 15 minutes) and publishes the keys that verify them. Keys rotate without a restart: the set
 * is read again every {@code reloadSeconds}; a new key is published for two reload periods
 * before it signs, and an old one stays published until every token it signed has expired.
 */
public final class TokenIssuer {

  public static final int LIFETIME_SECONDS = 15 * 60;
  private static final Logger LOG = LoggerFactory.getLogger(TokenIssuer.class);
  private static final long RETIREMENT_MARGIN_SECONDS = 60;

  private final SigningKeyRepository repository;
  private final String issuer;
  private final String audience;
  private final long leadSeconds;
  private KeySet keys;
  private AccessTokenSigner signer;

  private TokenIssuer(SigningKeyRepository repository, String issuer, String audience, long reloadSeconds) {
    this.repository = repository;
    this.issuer = issuer;
    this.audience = audience;
    this.leadSeconds = 2 * reloadSeconds;
  }

  /** Loads the keys, making the first one on a first start, and reads them again periodically. */
  public static Future<TokenIssuer> load(Vertx vertx, SigningKeyRepository repository, String issuer, String audience,
      long reloadSeconds) {
    TokenIssuer tokens = new TokenIssuer(repository, issuer, audience, reloadSeconds);
    return tokens.reload()
        .compose(loaded -> loaded
            ? Future.succeededFuture()
            : vertx.executeBlocking(SigningKey::generate).compose(repository::insertFirst).compose(stored -> tokens.reload()))
        .map(ready -> {
          vertx.setPeriodic(reloadSeconds * 1000, timer -> tokens.reload()
              .onFailure(failure -> LOG.warn("signing keys not reloaded: {}", failure.toString())));
          return tokens;
        });
  }

  /** Reads the key set again; false when there is no key at all. */
  private Future<Boolean> reload() {
    return repository.published(leadSeconds, leadSeconds + LIFETIME_SECONDS + RETIREMENT_MARGIN_SECONDS).map(loaded -> {
      if (loaded == null) {
        return false;
      }
      if (keys == null || !loaded.signing().kid().equals(keys.signing().kid())) {
        signer = new AccessTokenSigner(loaded.signing());
        LOG.info("signing access tokens with key {}", loaded.signing().kid());
      }
      keys = loaded;
      return true;
    });
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
    return keys.jwks();
  }
}
