package com.runningtrainer.strava.connect;

import com.runningtrainer.common.crypto.RandomSecret;
import com.runningtrainer.common.redis.SingleUseValues;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.util.UUID;

/**
 * The {@code state} of connections in progress: in Redis for 10 minutes, naming the user who
 * asked, so that the callback (which carries no bearer token) knows whose connection it makes,
 * on whichever instance it lands. Taking a state deletes it in the same command: a state
 * connects at most once, however often the callback is replayed.
 */
public final class ConnectStates {

  public static final int TTL_SECONDS = 600;

  private final SingleUseValues states;

  public ConnectStates(RedisAPI redis, String redisPrefix) {
    this.states = new SingleUseValues(redis, redisPrefix + "strava:connect:", TTL_SECONDS);
  }

  /** A new state for the user: 256 random bits, unguessable. */
  public Future<String> issue(UUID owner) {
    String state = RandomSecret.next();
    return states.put(state, owner.toString()).map(state);
  }

  /** The user the state was issued to, now gone from the store; null when unknown, expired or taken before. */
  public Future<UUID> take(String state) {
    return states.take(state).map(owner -> owner == null ? null : UUID.fromString(owner));
  }
}
