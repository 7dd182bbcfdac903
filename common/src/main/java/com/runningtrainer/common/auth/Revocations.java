package com.runningtrainer.common.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import java.util.ArrayList;
import java.util.List;

/**
 * Access tokens revoked before they expire, kept in Redis until they would have expired: one
 * token ({@code jti}, at logout), every token of a session ({@code sid}, when it is ended),
 * or every token a user was issued until now (when the account is disabled). This is the writing
 * side: each revocation is stored and published at once, with the next number of the list's
 * sequence, to the {@link RevocationFeed} of every process, which checks tokens in memory.
 *
 * <p>Redis is a copy: auth keeps every revocation in PostgreSQL first, and writes the whole list
 * back ({@link #restore}) with a marker key when it finds the marker gone. A Redis that restarted
 * empty has no marker, and an empty list without it proves nothing: until auth has restored it,
 * no feed takes it for whole, and every check fails with 503 rather than let a logged-out token in.
 */
public final class Revocations {

  // One script, so that a restore is all or nothing: a Redis that restarts in the middle of it
  // keeps neither the entries nor the marker. A user's entry only ever moves later in time: a
  // newer revocation written meanwhile must not be undone by the older copy. The sequence moves
  // on and is told, so that every feed takes a new snapshot at once, not at its next probe.
  private static final String RESTORE = """
      for i = 1, #KEYS - 2 do
        local value, ttl, latest = ARGV[3 * i - 2], ARGV[3 * i - 1], ARGV[3 * i] == '1'
        local current = latest and redis.call('GET', KEYS[i])
        if not (current and tonumber(current) >= tonumber(value)) then
          redis.call('SET', KEYS[i], value, 'EX', ttl)
        end
      end
      redis.call('SET', KEYS[#KEYS - 1], '1')
      local seq = redis.call('INCR', KEYS[#KEYS])
      redis.call('PUBLISH', ARGV[#ARGV - 1], seq .. ' ' .. ARGV[#ARGV])
      return seq""";

  // Stored, numbered and told in one step: a feed that sees a number skipped knows it missed one.
  private static final String REVOKE = """
      local seq = redis.call('INCR', KEYS[2])
      redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
      redis.call('PUBLISH', ARGV[3], seq .. ' ' .. ARGV[4])
      return seq""";

  private final Vertx vertx;
  private final RedisAPI redis;
  private final RevocationKeys keys;

  /** @param prefix of every key, e.g. {@code rt:}; tests use their own */
  public Revocations(Vertx vertx, RedisAPI redis, String prefix) {
    this.vertx = vertx;
    this.redis = redis;
    this.keys = new RevocationKeys(prefix);
  }

  /** Whether the list in Redis is whole: restored since Redis last started empty. */
  public Future<Boolean> isLoaded() {
    return redis.exists(List.of(keys.loaded())).map(found -> found.toInteger() > 0);
  }

  /**
   * Writes these revocations (the unexpired ones auth keeps) and marks the list whole, at once,
   * then waits (a second at most) until the feeds of this process have taken it: they refuse
   * every token until then. An empty list marks it whole too: nothing is revoked.
   */
  public Future<Void> restore(List<Revocation> revocations) {
    long now = now();
    List<String> args = new ArrayList<>();
    args.add(RESTORE);
    args.add(String.valueOf(revocations.size() + 2));
    revocations.forEach(revocation -> args.add(keys.of(revocation.kind(), revocation.subject())));
    args.add(keys.loaded());
    args.add(keys.sequence());
    revocations.forEach(revocation -> {
      boolean byUser = revocation.kind().equals("user");
      args.add(byUser ? String.valueOf(revocation.revokedBefore()) : "1");
      args.add(String.valueOf(Math.max(1, revocation.expiresAt() - now)));
      args.add(byUser ? "1" : "0");
    });
    args.add(keys.channel());
    args.add(RevocationKeys.restoredMessage());
    return redis.eval(args).compose(seq -> RevocationFeed.currentHere(vertx, keys, seq.toLong()));
  }

  /** Revokes one token until it expires ({@code exp}, epoch seconds). */
  public Future<Void> revokeToken(String jti, long expiresAt) {
    return revoke(new Revocation("jti", jti, 0, expiresAt));
  }

  /** Revokes every access token of a session for as long as any can live. */
  public Future<Void> revokeSession(String sessionId, long tokenLifetimeSeconds) {
    return revoke(new Revocation("sid", sessionId, 0, now() + tokenLifetimeSeconds));
  }

  /** Revokes every access token issued to the user until now. */
  public Future<Void> revokeUser(String userId, long tokenLifetimeSeconds) {
    long now = now();
    return revoke(new Revocation("user", userId, now, now + tokenLifetimeSeconds));
  }

  /**
   * Stores and publishes one revocation, then waits (a second at most) until the feeds of this
   * process have it: whoever is told it is done finds the token refused here at once, and on
   * other nodes as soon as their feed hears it.
   */
  private Future<Void> revoke(Revocation revocation) {
    String value = revocation.kind().equals("user") ? String.valueOf(revocation.revokedBefore()) : "1";
    long seconds = Math.max(1, revocation.expiresAt() - now());
    return redis.eval(List.of(REVOKE, "2", keys.of(revocation.kind(), revocation.subject()), keys.sequence(), value,
            String.valueOf(seconds), keys.channel(), RevocationKeys.message(revocation)))
        .compose(seq -> RevocationFeed.appliedHere(vertx, keys, seq.toLong()));
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }
}
