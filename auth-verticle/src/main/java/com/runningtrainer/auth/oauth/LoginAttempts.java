package com.runningtrainer.auth.oauth;

import com.runningtrainer.common.redis.SingleUseValues;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;

/**
 * Logins in progress, in Redis under their state for 10 minutes, so that any auth instance can
 * finish what another began. Taking one deletes it in the same command: a state finishes at
 * most one login, however often the callback is replayed.
 */
public final class LoginAttempts {

  public static final int TTL_SECONDS = 600;

  private final SingleUseValues attempts;

  public LoginAttempts(RedisAPI redis, String redisPrefix) {
    this.attempts = new SingleUseValues(redis, redisPrefix + "oauth:login:", TTL_SECONDS);
  }

  public Future<Void> save(LoginAttempt attempt) {
    return attempts.put(attempt.state(), attempt.toJson().encode());
  }

  /** The attempt of this state, now gone from the store; null when unknown, expired or already taken. */
  public Future<LoginAttempt> take(String state) {
    return attempts.take(state).map(stored -> stored == null ? null : LoginAttempt.fromJson(state, new JsonObject(stored)));
  }
}
