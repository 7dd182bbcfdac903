package com.runningtrainer.auth.oauth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import java.util.List;

/**
 * Logins in progress, in Redis under their state for 10 minutes, so that any auth instance can
 * finish what another began. Taking one deletes it in the same command: a state finishes at
 * most one login, however often the callback is replayed.
 */
public final class LoginAttempts {

  public static final int TTL_SECONDS = 600;

  private final RedisAPI redis;
  private final String prefix;

  public LoginAttempts(RedisAPI redis, String redisPrefix) {
    this.redis = redis;
    this.prefix = redisPrefix + "oauth:login:";
  }

  public Future<Void> save(LoginAttempt attempt) {
    return redis.set(List.of(prefix + attempt.state(), attempt.toJson().encode(), "EX", String.valueOf(TTL_SECONDS), "NX"))
        .mapEmpty();
  }

  /** The attempt of this state, now gone from the store; null when unknown, expired or already taken. */
  public Future<LoginAttempt> take(String state) {
    return redis.getdel(prefix + state)
        .map(stored -> stored == null ? null : LoginAttempt.fromJson(state, new JsonObject(stored.toString())));
  }
}
