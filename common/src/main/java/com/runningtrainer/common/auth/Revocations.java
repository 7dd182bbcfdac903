package com.runningtrainer.common.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.List;

/**
 * Access tokens revoked before they expire, kept in Redis until they would have expired: one
 * token ({@code jti}, at logout), every token of a session ({@code sid}, when it is ended),
 * or every token a user was issued until now (when the account is disabled). Services check a
 * token with one round trip; when Redis cannot answer, the check fails and so does the
 * request (with 503): a revoked token must never pass for lack of an answer.
 */
public final class Revocations {

  private final RedisAPI redis;
  private final String prefix;

  /** @param prefix of every key, e.g. {@code rt:}; tests use their own */
  public Revocations(RedisAPI redis, String prefix) {
    this.redis = redis;
    this.prefix = prefix + "revoked:";
  }

  /**
   * Whether the token with these claims has been revoked.
   *
   * @param issuedAt the token's {@code iat}, epoch seconds
   */
  public Future<Boolean> isRevoked(JsonObject claims, long issuedAt) {
    List<String> keys = List.of(
        key("jti", claims.getString("jti", "")),
        key("sid", claims.getString("sid", "")),
        key("user", claims.getString("sub", "")));
    return redis.mget(keys).map(values -> {
      Response byUser = values.get(2);
      return values.get(0) != null || values.get(1) != null
          || byUser != null && issuedAt <= byUser.toLong();
    });
  }

  /** Revokes one token until it expires ({@code exp}, epoch seconds). */
  public Future<Void> revokeToken(String jti, long expiresAt) {
    return set(key("jti", jti), "1", expiresAt - now());
  }

  /** Revokes every access token of a session for as long as any can live. */
  public Future<Void> revokeSession(String sessionId, long tokenLifetimeSeconds) {
    return set(key("sid", sessionId), "1", tokenLifetimeSeconds);
  }

  /** Revokes every access token issued to the user until now. */
  public Future<Void> revokeUser(String userId, long tokenLifetimeSeconds) {
    return set(key("user", userId), String.valueOf(now()), tokenLifetimeSeconds);
  }

  private Future<Void> set(String key, String value, long seconds) {
    return redis.set(List.of(key, value, "EX", String.valueOf(Math.max(1, seconds)))).mapEmpty();
  }

  private String key(String kind, String id) {
    return prefix + kind + ":" + id;
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }
}
