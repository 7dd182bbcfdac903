package com.runningtrainer.common.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.util.List;

/**
 * Values kept in Redis for a while under a key that is handed out once (an OAuth state), so that
 * any instance can read what another stored. Taking one deletes it in the same command: a key
 * serves at most once, however often it is replayed.
 */
public final class SingleUseValues {

  private final RedisAPI redis;
  private final String prefix;
  private final int ttlSeconds;

  /** @param prefix of every key, e.g. {@code rt:oauth:login:} */
  public SingleUseValues(RedisAPI redis, String prefix, int ttlSeconds) {
    this.redis = redis;
    this.prefix = prefix;
    this.ttlSeconds = ttlSeconds;
  }

  /** Stores the value for the time given, unless the key is already taken. */
  public Future<Void> put(String key, String value) {
    return redis.set(List.of(prefix + key, value, "EX", String.valueOf(ttlSeconds), "NX")).mapEmpty();
  }

  /** The value of the key, now gone from the store; null when unknown, expired or taken before. */
  public Future<String> take(String key) {
    return redis.getdel(prefix + key).map(stored -> stored == null ? null : stored.toString());
  }
}
