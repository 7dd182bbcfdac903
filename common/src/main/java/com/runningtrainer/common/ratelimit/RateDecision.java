package com.runningtrainer.common.ratelimit;

import java.util.Comparator;
import java.util.List;

/**
 * The answer of a {@link RateLimiter} to one hit.
 *
 * @param allowed whether the hit is within the limit
 * @param remaining the hits still allowed in this window after this one
 * @param resetSeconds seconds until the window ends and the count starts again (at least 1);
 *     what a refused client is told to wait in {@code Retry-After}
 * @param counted false when the store could not be reached and the hit was let through uncounted
 */
public record RateDecision(boolean allowed, int remaining, long resetSeconds, boolean counted) {

  /** The decision when the store is unreachable: allowed, as if it were the first hit of a window. */
  static RateDecision uncounted(RateLimit limit) {
    return new RateDecision(true, limit.maxHits() - 1, seconds(limit.window().toMillis()), false);
  }

  static RateDecision counted(RateLimit limit, long hits, long millisToReset) {
    return new RateDecision(hits <= limit.maxHits(), (int) Math.max(0, limit.maxHits() - hits), seconds(millisToReset), true);
  }

  /**
   * The decision that binds when one request is held to several limits (per user and per IP):
   * if any refuses, the refusal that lasts longest, so that retrying after it is not refused again
   * by the others; otherwise the one with the fewest hits left.
   */
  public static RateDecision strictest(List<RateDecision> decisions) {
    if (decisions.isEmpty()) {
      throw new IllegalArgumentException("no decision to choose from");
    }
    return decisions.stream().filter(decision -> !decision.allowed())
        .max(Comparator.comparingLong(RateDecision::resetSeconds))
        .orElseGet(() -> decisions.stream().min(Comparator.comparingInt(RateDecision::remaining)).orElseThrow());
  }

  private static long seconds(long millis) {
    return Math.max(1, (millis + 999) / 1000);
  }
}
