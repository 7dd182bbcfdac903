package com.runningtrainer.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.redis.RedisClients;
import com.runningtrainer.testsupport.TestPorts;
import com.runningtrainer.testsupport.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rate limiter against a real Redis. It lives here rather than in common's tests because
 * test-support is what finds a Redis, and common cannot depend on it.
 */
class RateLimiterTest {

  private static final RateLimit THREE_A_MINUTE = new RateLimit("three", 3, Duration.ofMinutes(1));

  private static Vertx vertx;
  private static RedisAPI redis;
  private static String prefix;
  private static RateLimiter limiter;
  // A listening socket nobody reads: connections open, no answer ever comes. Closed after
  // Vert.x, so that the client is not cut off in the middle of its handshake.
  private static ServerSocket silent;

  @BeforeAll
  static void start() throws IOException {
    silent = new ServerSocket(0);
    vertx = Vertx.vertx();
    redis = RedisClients.create(vertx, TestRedis.url());
    prefix = TestRedis.keyPrefix(RateLimiterTest.class);
    // Generous, so that a slow machine's hit is still counted: these tests count hits.
    limiter = new RateLimiter(redis, prefix, Duration.ofSeconds(10));
    redis.ping(List.of()).await();
  }

  @AfterAll
  static void stop() throws IOException {
    vertx.close().await();
    silent.close();
  }

  @Test
  void hitsWithinTheLimitAreAllowedAndCountDownWhatIsLeft() {
    String key = newKey();

    List<RateDecision> decisions = hits(THREE_A_MINUTE, key, 3);

    assertThat(decisions).allMatch(RateDecision::allowed).allMatch(RateDecision::counted);
    assertThat(decisions).extracting(RateDecision::remaining).containsExactly(2, 1, 0);
  }

  @Test
  void theHitPastTheLimitIsRefusedWithTheSecondsUntilTheWindowEnds() {
    String key = newKey();
    hits(THREE_A_MINUTE, key, 3);

    RateDecision fourth = limiter.hit(THREE_A_MINUTE, key).await();

    assertThat(fourth.allowed()).isFalse();
    assertThat(fourth.remaining()).isZero();
    assertThat(fourth.resetSeconds()).isBetween(1L, 60L);
  }

  @Test
  void aPeekCountsNothingAndIsAllowedWhileHitsAreLeft() {
    String key = newKey();
    hits(THREE_A_MINUTE, key, 2);

    RateDecision peeked = limiter.peek(THREE_A_MINUTE, key).await();
    RateDecision third = limiter.hit(THREE_A_MINUTE, key).await();

    assertThat(peeked.allowed()).isTrue();
    assertThat(peeked.remaining()).isZero();
    assertThat(third.allowed()).isTrue();
  }

  @Test
  void aPeekIsRefusedOnceTheWindowsHitsAreSpent() {
    String key = newKey();
    hits(THREE_A_MINUTE, key, 3);

    RateDecision peeked = limiter.peek(THREE_A_MINUTE, key).await();

    assertThat(peeked.allowed()).isFalse();
    assertThat(peeked.resetSeconds()).isBetween(1L, 60L);
  }

  @Test
  void aPeekAtAKeyNeverHitIsAllowedAndLeavesNoCounter() {
    String key = newKey();

    RateDecision peeked = limiter.peek(THREE_A_MINUTE, key).await();

    assertThat(peeked.allowed()).isTrue();
    assertThat(redis.exists(List.of(limiter.counter(THREE_A_MINUTE, key))).await().toInteger()).isZero();
  }

  @Test
  void eachKeyHasACounterOfItsOwn() {
    String throttled = newKey();
    hits(THREE_A_MINUTE, throttled, 4);

    RateDecision other = limiter.hit(THREE_A_MINUTE, newKey()).await();

    assertThat(other.allowed()).isTrue();
    assertThat(other.remaining()).isEqualTo(2);
  }

  @Test
  void twoLimitsOnTheSameKeyCountApart() {
    String key = newKey();
    hits(THREE_A_MINUTE, key, 4);
    RateLimit another = new RateLimit("another", 3, Duration.ofMinutes(1));

    RateDecision decision = limiter.hit(another, key).await();

    assertThat(decision.allowed()).isTrue();
  }

  @Test
  void theCountStartsAgainWhenTheWindowEnds() throws InterruptedException {
    RateLimit oncePerSecond = new RateLimit("once-per-second", 1, Duration.ofSeconds(1));
    String key = newKey();
    limiter.hit(oncePerSecond, key).await();
    assertThat(limiter.hit(oncePerSecond, key).await().allowed()).as("second hit in the window").isFalse();

    Thread.sleep(1_100);
    RateDecision afterTheWindow = limiter.hit(oncePerSecond, key).await();

    assertThat(afterTheWindow.allowed()).isTrue();
    assertThat(afterTheWindow.remaining()).isZero();
  }

  @Test
  void theCounterLivesUnderThePrefixAndExpiresWithItsWindow() {
    String key = newKey();

    limiter.hit(THREE_A_MINUTE, key).await();

    String counter = limiter.counter(THREE_A_MINUTE, key);
    assertThat(counter).startsWith(prefix);
    assertThat(redis.get(counter).await().toInteger()).isEqualTo(1);
    assertThat(redis.pttl(counter).await().toLong()).isBetween(1L, 60_000L);
  }

  @Test
  void concurrentHitsAreAllCountedAndOnlyTheLimitIsAllowed() {
    RateLimit ten = new RateLimit("ten", 10, Duration.ofMinutes(1));
    String key = newKey();

    List<RateDecision> decisions = Future.all(IntStream.range(0, 25).mapToObj(i -> limiter.hit(ten, key)).toList())
        .await().<RateDecision>list();

    assertThat(decisions).filteredOn(RateDecision::allowed).hasSize(10);
    assertThat(redis.get(limiter.counter(ten, key)).await().toInteger()).isEqualTo(25);
  }

  @Test
  void aRefundGivesBackOneHit() {
    String key = newKey();
    hits(THREE_A_MINUTE, key, 3);

    limiter.refund(THREE_A_MINUTE, key).await();
    RateDecision next = limiter.hit(THREE_A_MINUTE, key).await();

    assertThat(next.allowed()).isTrue();
    assertThat(next.remaining()).isZero();
  }

  @Test
  void aRefundOfAKeyWithNoHitsLeavesNoCounter() {
    String key = newKey();

    limiter.refund(THREE_A_MINUTE, key).await();

    assertThat(redis.exists(List.of(limiter.counter(THREE_A_MINUTE, key))).await().toInteger()).isZero();
  }

  @Test
  void aRefundNeverTakesTheCountBelowZero() {
    String key = newKey();
    limiter.hit(THREE_A_MINUTE, key).await();

    limiter.refund(THREE_A_MINUTE, key).await();
    limiter.refund(THREE_A_MINUTE, key).await();

    assertThat(redis.get(limiter.counter(THREE_A_MINUTE, key)).await().toInteger()).isZero();
  }

  @Test
  void withRedisUnreachableEveryHitIsAllowedUncounted() {
    RedisAPI closed = RedisClients.create(vertx, "redis://127.0.0.1:" + TestPorts.free() + "/0");
    RateLimiter failingOpen = new RateLimiter(closed, prefix);
    RateLimit once = new RateLimit("once", 1, Duration.ofMinutes(1));
    String key = newKey();

    List<RateDecision> decisions = hits(failingOpen, once, key, 3);

    assertThat(decisions).allMatch(RateDecision::allowed).noneMatch(RateDecision::counted);
  }

  @Test
  void withRedisUnreachableARefundStillCompletes() {
    RedisAPI closed = RedisClients.create(vertx, "redis://127.0.0.1:" + TestPorts.free() + "/0");

    Future<Void> refund = new RateLimiter(closed, prefix).refund(THREE_A_MINUTE, newKey());

    assertThat(refund.toCompletionStage().toCompletableFuture().join()).isNull();
    assertThat(refund.succeeded()).isTrue();
  }

  @Test
  void aRedisThatDoesNotAnswerLetsTheHitThroughAfterTheTimeout() {
    RedisAPI mute = RedisClients.create(vertx, "redis://127.0.0.1:" + silent.getLocalPort() + "/0");
    RateLimiter impatient = new RateLimiter(mute, prefix, Duration.ofMillis(200));
    long started = System.nanoTime();

    RateDecision decision = impatient.hit(THREE_A_MINUTE, newKey()).await();

    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    assertThat(decision.allowed()).isTrue();
    assertThat(decision.counted()).isFalse();
    assertThat(tookMillis).isBetween(150L, 2_000L);
  }

  private static List<RateDecision> hits(RateLimit limit, String key, int count) {
    return hits(limiter, limit, key, count);
  }

  // One after the other, so that the order of the answers is the order of the hits.
  private static List<RateDecision> hits(RateLimiter on, RateLimit limit, String key, int count) {
    return IntStream.range(0, count).mapToObj(i -> on.hit(limit, key).await()).toList();
  }

  private static String newKey() {
    return UUID.randomUUID().toString();
  }
}
