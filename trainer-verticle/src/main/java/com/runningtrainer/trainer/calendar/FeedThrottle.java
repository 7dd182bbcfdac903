package com.runningtrainer.trainer.calendar;

import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.ratelimit.RateLimit;
import com.runningtrainer.common.ratelimit.RateLimiter;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;

/**
 * Limits the fetches of calendar feeds, which need no bearer token: per feed (an app polls every
 * hour or few; {@code CALENDAR_LIMIT_PER_FEED}, 60 by default), and per client address, the
 * unknown tokens alone ({@code CALENDAR_LIMIT_MISSES_PER_IP}, 30 by default), each in a window
 * of {@code CALENDAR_LIMIT_WINDOW_SECONDS} (an hour). Counting misses only keeps the apps'
 * servers, which fetch many people's feeds from one address, out of the address's limit; an
 * address that spent its misses is refused every feed, known or not, so that guessing learns
 * nothing more until the window ends. Over a limit, 429 with {@code Retry-After}; Redis down lets
 * fetches through (see {@link RateLimiter}).
 */
public final class FeedThrottle {

  private final RateLimiter limiter;
  private final RateLimit perFeed;
  private final RateLimit missesPerAddress;

  public FeedThrottle(RateLimiter limiter, Config config) {
    Duration window = Duration.ofSeconds(config.integer("CALENDAR_LIMIT_WINDOW_SECONDS", 60 * 60));
    this.limiter = limiter;
    this.perFeed = new RateLimit("trainer:calendar:feed", config.integer("CALENDAR_LIMIT_PER_FEED", 60), window);
    this.missesPerAddress = new RateLimit("trainer:calendar:miss", config.integer("CALENDAR_LIMIT_MISSES_PER_IP", 30),
        window);
  }

  /** Fails with a 429 when the address has spent its unknown tokens. */
  public Future<Void> admitAddress(String address) {
    return RateLimiter.admitted(List.of(limiter.peek(missesPerAddress, address)));
  }

  /** Counts an unknown token from the address. */
  public Future<Void> missed(String address) {
    return limiter.hit(missesPerAddress, address).mapEmpty();
  }

  /** Counts a fetch of the feed; fails with a 429 over its limit. */
  public Future<Void> admitFeed(FeedToken token) {
    return RateLimiter.admitted(List.of(limiter.hit(perFeed, token.hashHex())));
  }
}
