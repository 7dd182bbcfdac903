package com.runningtrainer.strava.connect;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The {@code state} of connections in progress: in Redis for 10 minutes, naming the user who
 * asked, so that the callback (which carries no bearer token) knows whose connection it makes,
 * on whichever instance it lands. Taking a state deletes it in the same command: a state
 * connects at most once, however often the callback is replayed.
 */
public final class ConnectStates {

  public static final int TTL_SECONDS = 600;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final RedisAPI redis;
  private final String prefix;

  public ConnectStates(RedisAPI redis, String redisPrefix) {
    this.redis = redis;
    this.prefix = redisPrefix + "strava:connect:";
  }

  /** A new state for the user: 256 random bits, unguessable. */
  public Future<String> issue(UUID owner) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return redis.set(List.of(prefix + state, owner.toString(), "EX", String.valueOf(TTL_SECONDS), "NX")).map(state);
  }

  /** The user the state was issued to, now gone from the store; null when unknown, expired or taken before. */
  public Future<UUID> take(String state) {
    return redis.getdel(prefix + state).map(stored -> stored == null ? null : UUID.fromString(stored.toString()));
  }
}
