package com.runningtrainer.common.ratelimit;

import com.runningtrainer.common.api.Failures;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fixed-window hit counters in Redis, shared by every instance of every service that uses the
 * same Redis: {@code hit(limit, key)} counts one hit of {@code key} against {@code limit} and
 * says whether it is allowed, how many hits are left and when the window ends.
 *
 * <p>Each counter is the Redis key {@code prefix + limit.name() + ":" + key}, incremented and
 * given its expiry in one atomic script, so that concurrent hits on several instances are all
 * counted and no counter outlives its window. Give each deployment (and each test class) its own
 * prefix.
 *
 * <p>A fixed window lets a client spend up to twice the limit across a window's edge; that is
 * accepted here for a single round trip and a single small key per counter.
 *
 * <p><b>When Redis cannot be reached</b> (refused, broken, or slower than the timeout) the
 * limiter fails open: the hit is allowed and marked {@link RateDecision#counted() uncounted}.
 * Throttling is a defence against abuse, and it should not turn a Redis outage into an outage of
 * what it guards (logins, the API). The first failure and the recovery are logged, not every hit.
 * {@link #hit}, {@link #peek} and {@link #refund} never fail.
 */
public final class RateLimiter {

  /**
   * How long a hit waits for Redis before it is let through uncounted: far above a healthy
   * Redis's milliseconds, so that only an outage, not a cold connection, lets hits through.
   */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

  // KEYS[1] the counter, ARGV[1] the window in ms. Answers {hits, ms until the window ends}.
  // The expiry is set when the key has none: on the first hit, and on a key that lost it somehow.
  private static final String HIT = """
      local hits = redis.call('INCR', KEYS[1])
      local ttl = redis.call('PTTL', KEYS[1])
      if ttl < 0 then
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        ttl = tonumber(ARGV[1])
      end
      return {hits, ttl}
      """;

  // Takes back one hit, keeping the expiry; never below zero, never recreating an expired key.
  private static final String REFUND = """
      local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
      if hits > 0 then
        return redis.call('DECR', KEYS[1])
      end
      return 0
      """;

  // The hits counted so far and the ms until the window ends (negative when there is no window).
  private static final String PEEK = """
      return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1])}
      """;

  private final RedisAPI redis;
  private final String prefix;
  private final Duration timeout;
  private final AtomicBoolean unreachable = new AtomicBoolean();

  /** A limiter with keys under {@code prefix} and the {@link #DEFAULT_TIMEOUT}. */
  public RateLimiter(RedisAPI redis, String prefix) {
    this(redis, prefix, DEFAULT_TIMEOUT);
  }

  public RateLimiter(RedisAPI redis, String prefix, Duration timeout) {
    this.redis = redis;
    this.prefix = prefix;
    this.timeout = timeout;
  }

  /** Counts one hit of {@code key} against {@code limit}; allowed while the count is within it. */
  public Future<RateDecision> hit(RateLimit limit, String key) {
    return redis.eval(List.of(HIT, "1", counter(limit, key), String.valueOf(limit.window().toMillis())))
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .map(answer -> {
          reachable();
          return RateDecision.counted(limit, answer.get(0).toLong(), answer.get(1).toLong());
        })
        .recover(failure -> {
          unreachable(failure);
          return Future.succeededFuture(RateDecision.uncounted(limit));
        });
  }

  /**
   * The decision the next hit of {@code key} would get, without counting one: refused once the
   * window's hits are spent. For a limit on failures alone (unknown tokens), which a request
   * must pass before anyone can tell whether it fails.
   */
  public Future<RateDecision> peek(RateLimit limit, String key) {
    return redis.eval(List.of(PEEK, "1", counter(limit, key)))
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .map(answer -> {
          reachable();
          long ttl = answer.get(1).toLong();
          return RateDecision.counted(limit, answer.get(0).toLong() + 1, ttl < 0 ? limit.window().toMillis() : ttl);
        })
        .recover(failure -> {
          unreachable(failure);
          return Future.succeededFuture(RateDecision.uncounted(limit));
        });
  }

  /**
   * Waits for hits counted together (e.g. per account and per address); fails with a 429 telling
   * the longest wait when any of them is over its limit.
   */
  public static Future<Void> admitted(List<Future<RateDecision>> hits) {
    return Future.all(hits).compose(all -> {
      RateDecision binding = RateDecision.strictest(all.list());
      return binding.allowed() ? Future.succeededFuture() : Future.failedFuture(Failures.tooManyRequests(binding.resetSeconds()));
    });
  }

  /**
   * Takes back one hit of {@code key}, for a request that turned out not to count against the
   * limit (e.g. a login that succeeded). Does nothing once the window has ended.
   */
  public Future<Void> refund(RateLimit limit, String key) {
    return redis.eval(List.of(REFUND, "1", counter(limit, key)))
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .<Void>map(answer -> null)
        .recover(failure -> {
          unreachable(failure);
          return Future.succeededFuture();
        });
  }

  /** The Redis key of a counter; public so that tests and operators can find it. */
  public String counter(RateLimit limit, String key) {
    return prefix + limit.name() + ":" + key;
  }

  private void reachable() {
    if (unreachable.compareAndSet(true, false)) {
      LOG.info("rate limiter reaches Redis again: hits are counted");
    }
  }

  private void unreachable(Throwable failure) {
    if (unreachable.compareAndSet(false, true)) {
      LOG.warn("rate limiter cannot reach Redis, letting requests through uncounted: {}", String.valueOf(failure));
    }
  }
}
