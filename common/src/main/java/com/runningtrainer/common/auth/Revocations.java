package com.runningtrainer.common.auth;

import com.runningtrainer.common.api.Failures;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Access tokens revoked before they expire, kept in Redis until they would have expired: one
 * token ({@code jti}, at logout), every token of a session ({@code sid}, when it is ended),
 * or every token a user was issued until now (when the account is disabled). Services check a
 * token with one round trip; when Redis cannot answer, the check fails and so does the
 * request (with 503): a revoked token must never pass for lack of an answer.
 *
 * <p>Redis is a copy: auth keeps every revocation in PostgreSQL first, and writes the whole list
 * back ({@link #restore}) with a marker key when it finds the marker gone. A Redis that restarted
 * empty has no marker, and an empty list without it proves nothing: until auth has restored it,
 * every check fails with 503 rather than let a logged-out token in.
 */
public final class Revocations {

  private static final String NOT_LOADED = "The revocation list is being rebuilt; try again shortly";
  // One script, so that a restore is all or nothing: a Redis that restarts in the middle of it
  // keeps neither the entries nor the marker. A user's entry only ever moves later in time: a
  // newer revocation written meanwhile must not be undone by the older copy.
  private static final String RESTORE = """
      for i = 1, #KEYS - 1 do
        local value, ttl, latest = ARGV[3 * i - 2], ARGV[3 * i - 1], ARGV[3 * i] == '1'
        local current = latest and redis.call('GET', KEYS[i])
        if not (current and tonumber(current) >= tonumber(value)) then
          redis.call('SET', KEYS[i], value, 'EX', ttl)
        end
      end
      redis.call('SET', KEYS[#KEYS], '1')
      return #KEYS - 1""";

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
        key("user", claims.getString("sub", "")),
        loadedMarker());
    return redis.mget(keys).compose(values -> {
      if (values.get(3) == null) {
        return Future.failedFuture(Failures.unavailable(NOT_LOADED, 1));
      }
      Response byUser = values.get(2);
      return Future.succeededFuture(values.get(0) != null || values.get(1) != null
          || byUser != null && issuedAt <= byUser.toLong());
    });
  }

  /** Whether the list in Redis is whole: restored since Redis last started empty. */
  public Future<Boolean> isLoaded() {
    return redis.exists(List.of(loadedMarker())).map(found -> found.toInteger() > 0);
  }

  /**
   * Writes these revocations (the unexpired ones auth keeps) and marks the list whole, at once.
   * An empty list marks it whole too: nothing is revoked.
   */
  public Future<Void> restore(List<Revocation> revocations) {
    long now = now();
    List<String> args = new ArrayList<>();
    args.add(RESTORE);
    args.add(String.valueOf(revocations.size() + 1));
    revocations.forEach(revocation -> args.add(key(revocation.kind(), revocation.subject())));
    args.add(loadedMarker());
    revocations.forEach(revocation -> {
      boolean byUser = revocation.kind().equals("user");
      args.add(byUser ? String.valueOf(revocation.revokedBefore()) : "1");
      args.add(String.valueOf(Math.max(1, revocation.expiresAt() - now)));
      args.add(byUser ? "1" : "0");
    });
    return redis.eval(args).mapEmpty();
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

  private String loadedMarker() {
    return prefix + "loaded";
  }

  private String key(String kind, String id) {
    return prefix + kind + ":" + id;
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }
}
