package com.runningtrainer.strava.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.runningtrainer.common.redis.RedisClients;
import com.runningtrainer.strava.api.RateBudget.Priority;
import com.runningtrainer.testsupport.TestRedis;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Strava's budget as every node shares it in Redis: calls are admitted within the limits Strava's
 * headers tell, backfill only within its share, and a spent limit says until when to wait.
 */
class RateBudgetTest {

  private static final Instant NOW = Instant.parse("2026-03-05T10:07:30Z");
  private static final Instant NEXT_QUARTER = Instant.parse("2026-03-05T10:15:00Z");
  private static final Instant MIDNIGHT = Instant.parse("2026-03-06T00:00:00Z");

  private static Vertx vertx;
  private static RedisAPI redis;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    redis = RedisClients.create(vertx, TestRedis.url());
  }

  @AfterAll
  static void stop() {
    redis.close();
    vertx.close().await();
  }

  /** A budget of its own (a fresh key prefix), on a clock stopped at {@link #NOW}. */
  private static RateBudget budget() {
    return new RateBudget(redis, TestRedis.keyPrefix(RateBudgetTest.class), 0.5, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static MultiMap headers(String limit, String usage, String readLimit, String readUsage) {
    return MultiMap.caseInsensitiveMultiMap().add("X-RateLimit-Limit", limit).add("X-RateLimit-Usage", usage)
        .add("X-ReadRateLimit-Limit", readLimit).add("X-ReadRateLimit-Usage", readUsage);
  }

  private static int admitted(RateBudget budget, Priority priority, boolean read, int tries) {
    int admitted = 0;
    for (int i = 0; i < tries; i++) {
      try {
        budget.reserve(priority, read).await();
        admitted++;
      } catch (BudgetSpent spent) {
        return admitted;
      }
    }
    return admitted;
  }

  @Test
  void aBackfillStopsAtItsShareOfTheLimitWhileInteractiveCallsStillPass() {
    RateBudget budget = budget();
    budget.record(headers("10,1000", "0,0", "10,1000", "0,0")).await();

    int backfill = admitted(budget, Priority.BACKFILL, true, 20);
    int interactive = admitted(budget, Priority.INTERACTIVE, true, 20);

    assertThat(backfill).isEqualTo(5);
    assertThat(interactive).isEqualTo(5);
  }

  @Test
  void aSpentQuarterHourWaitsUntilTheNextQuarterHour() {
    RateBudget budget = budget();
    budget.record(headers("10,1000", "10,10", "10,1000", "10,10")).await();

    assertThatThrownBy(() -> budget.reserve(Priority.INTERACTIVE, true).await())
        .isInstanceOfSatisfying(BudgetSpent.class, spent -> assertThat(spent.until()).isEqualTo(NEXT_QUARTER));
  }

  @Test
  void aSpentDayWaitsUntilMidnightUtc() {
    RateBudget budget = budget();
    budget.record(headers("100,1000", "1,1000", "100,1000", "1,10")).await();

    assertThatThrownBy(() -> budget.reserve(Priority.INTERACTIVE, false).await())
        .isInstanceOfSatisfying(BudgetSpent.class, spent -> assertThat(spent.until()).isEqualTo(MIDNIGHT));
  }

  @Test
  void aSpentReadLimitStopsReadsButNotWrites() {
    RateBudget budget = budget();
    budget.record(headers("100,1000", "10,10", "10,1000", "10,10")).await();

    assertThatThrownBy(() -> budget.reserve(Priority.INTERACTIVE, true).await()).isInstanceOf(BudgetSpent.class);
    budget.reserve(Priority.INTERACTIVE, false).await();
  }

  @Test
  void theUsageStravaReportsCountsWhatOtherNodesSpent() {
    RateBudget budget = budget();
    budget.record(headers("10,1000", "8,8", "10,1000", "8,8")).await();

    assertThat(admitted(budget, Priority.INTERACTIVE, true, 20)).isEqualTo(2);
  }

  @Test
  void aRefusalByStravaSpendsTheQuarterHour() {
    RateBudget budget = budget();
    budget.record(headers("10,1000", "1,1", "10,1000", "1,1")).await();

    BudgetSpent spent = budget.refused(headers("10,1000", "1,1", "10,1000", "1,1"), true).await();

    assertThat(spent.until()).isEqualTo(NEXT_QUARTER);
    assertThatThrownBy(() -> budget.reserve(Priority.INTERACTIVE, true).await()).isInstanceOf(BudgetSpent.class);
  }

  @Test
  void withoutHeadersYetStravasDefaultLimitsApply() {
    RateBudget budget = budget();

    assertThat(admitted(budget, Priority.INTERACTIVE, true, 150)).isEqualTo(100);
  }
}
