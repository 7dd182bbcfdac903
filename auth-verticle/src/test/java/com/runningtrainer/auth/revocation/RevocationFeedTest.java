package com.runningtrainer.auth.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.auth.Revocation;
import com.runningtrainer.common.auth.RevocationFeed;
import com.runningtrainer.common.auth.Revocations;
import com.runningtrainer.common.redis.RedisClients;
import com.runningtrainer.testsupport.TcpProxy;
import com.runningtrainer.testsupport.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.serviceproxy.ServiceException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The in-memory revocation list of a process, fed by Redis's channel: current at once in the
 * process that revokes, within moments in another, caught up after a missed change or a lost
 * connection, and refusing every token (503) while it is not current.
 */
class RevocationFeedTest {

  private static final long NOW = System.currentTimeMillis() / 1000;
  private static Vertx here;
  private static Vertx elsewhere;
  private static RedisAPI redis;

  @BeforeAll
  static void start() {
    here = Vertx.vertx();
    elsewhere = Vertx.vertx();
    redis = RedisClients.create(here, TestRedis.url());
  }

  @AfterAll
  static void stop() {
    here.close().await();
    elsewhere.close().await();
  }

  private static String wholeList() {
    String prefix = TestRedis.keyPrefix(RevocationFeedTest.class);
    new Revocations(here, redis, prefix).restore(List.of()).await();
    return prefix;
  }

  private static JsonObject token(String jti) {
    return new JsonObject().put("jti", jti).put("sid", UUID.randomUUID().toString()).put("sub", UUID.randomUUID().toString());
  }

  private static Future<Boolean> check(RevocationFeed feed, String jti) {
    return feed.isRevoked(token(jti), NOW);
  }

  private static void eventually(BooleanSupplier condition, long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (!condition.getAsBoolean()) {
      assertThat(System.currentTimeMillis()).as("waited %d ms", millis).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void aTokenRevokedInThisProcessIsRefusedHereAsSoonAsTheRevocationIsDone() {
    String prefix = wholeList();
    RevocationFeed feed = RevocationFeed.shared(here, TestRedis.url(), prefix).await();

    new Revocations(here, redis, prefix).revokeToken("t-1", NOW + 900).await();

    assertThat(check(feed, "t-1").await()).isTrue();
    assertThat(check(feed, "t-2").await()).isFalse();
  }

  @Test
  void aCheckIsAnsweredFromMemoryWithoutARoundTripToRedis() {
    String prefix = wholeList();
    RevocationFeed feed = RevocationFeed.shared(here, TestRedis.url(), prefix).await();

    Future<Boolean> answer = check(feed, "t-1");

    assertThat(answer.isComplete()).isTrue();
    assertThat(answer.result()).isFalse();
  }

  @Test
  void aTokenRevokedByAnotherProcessIsRefusedWithinASecond() throws InterruptedException {
    String prefix = wholeList();
    RevocationFeed feed = RevocationFeed.shared(elsewhere, TestRedis.url(), prefix).await();

    new Revocations(here, redis, prefix).revokeSession("s-1", 900).await();

    JsonObject ofTheSession = token("t-1").put("sid", "s-1");
    eventually(() -> feed.isRevoked(ofTheSession, NOW).result(), 1000);
  }

  @Test
  void untilTheListInRedisIsWholeEveryCheckIsRefusedWith503() throws InterruptedException {
    String prefix = TestRedis.keyPrefix(RevocationFeedTest.class);
    RevocationFeed feed = RevocationFeed.shared(here, TestRedis.url(), prefix).await();

    Throwable refused = check(feed, "t-1").cause();
    new Revocations(here, redis, prefix).restore(List.of(new Revocation("jti", "t-1", 0, NOW + 900))).await();

    assertThat(refused).isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failureCode()).isEqualTo(503));
    eventually(feed::isReady, 3000);
    assertThat(check(feed, "t-1").result()).isTrue();
  }

  @Test
  void aFeedWaitingForTheListIsCurrentAsSoonAsTheRestoreIsDoneNotAtItsNextProbe() {
    String prefix = TestRedis.keyPrefix(RevocationFeedTest.class);
    RevocationFeed feed = RevocationFeed.shared(here, TestRedis.url(), prefix).await();
    assertThat(feed.isReady()).isFalse();

    new Revocations(here, redis, prefix).restore(List.of(new Revocation("jti", "t-1", 0, NOW + 900))).await();

    assertThat(feed.isReady()).isTrue();
    assertThat(check(feed, "t-1").result()).isTrue();
  }

  @Test
  void aChangeTheChannelDidNotTellIsFoundByTheSequenceAndLoaded() throws InterruptedException {
    String prefix = wholeList();
    RevocationFeed feed = RevocationFeed.shared(elsewhere, TestRedis.url(), prefix).await();

    redis.set(List.of(prefix + "revoked:jti:t-silent", "1", "EX", "900")).await();
    redis.incr(prefix + "revoked:seq").await();

    eventually(() -> check(feed, "t-silent").result() == Boolean.TRUE, 3000);
  }

  @Test
  void aLostConnectionRefusesEveryTokenUntilTheFeedHasReconnectedAndCaughtUp() throws InterruptedException {
    String prefix = wholeList();
    URI redisUri = URI.create(TestRedis.url());
    TcpProxy line = new TcpProxy(elsewhere, redisUri.getHost(), redisUri.getPort());
    line.start().await();
    RevocationFeed feed = RevocationFeed.shared(elsewhere, "redis://127.0.0.1:" + line.port() + redisUri.getPath(), prefix)
        .await();
    assertThat(feed.isReady()).isTrue();

    line.cut().await();
    eventually(() -> !feed.isReady(), 3000);
    new Revocations(here, redis, prefix).revokeToken("t-while-away", NOW + 900).await();
    Throwable whileAway = check(feed, "t-while-away").cause();
    line.start().await();

    assertThat(whileAway).isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failureCode()).isEqualTo(503));
    eventually(feed::isReady, 5000);
    assertThat(check(feed, "t-while-away").result()).isTrue();
  }
}
