package com.runningtrainer.common.ratelimit;

import java.time.Duration;

/**
 * A limit: at most {@code maxHits} hits per key in each fixed window of {@code window}, e.g.
 * {@code new RateLimit("login:account", 10, Duration.ofMinutes(15))}. The window of a key starts
 * at its first hit and its counter is gone when the window ends.
 *
 * @param name part of the Redis key, so that two limits on the same key count apart
 */
public record RateLimit(String name, int maxHits, Duration window) {

  public RateLimit {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a rate limit needs a name");
    }
    if (maxHits < 1) {
      throw new IllegalArgumentException("rate limit " + name + " must allow at least 1 hit, not " + maxHits);
    }
    if (window == null || window.toMillis() < 1) {
      throw new IllegalArgumentException("rate limit " + name + " needs a window of at least 1 ms");
    }
  }
}
