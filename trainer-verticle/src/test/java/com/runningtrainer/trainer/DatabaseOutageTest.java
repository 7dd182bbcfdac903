package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.TcpProxy;
import com.runningtrainer.testsupport.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trainer's database goes away mid-run (its connections are cut and new ones refused) and
 * comes back: the service answers 503 at once instead of hanging, and recovers by itself.
 */
class DatabaseOutageTest {

  private static Vertx proxyVertx;
  private static TcpProxy proxy;
  private static TrainerPlatform platform;
  private static String token;
  private static String database;

  @BeforeAll
  static void start() {
    proxyVertx = Vertx.vertx();
    database = TestDatabase.create(DatabaseOutageTest.class);
    PgConnectOptions direct = PgConnectOptions.fromUri(database);
    proxy = new TcpProxy(proxyVertx, direct.getHost(), direct.getPort());
    int port = proxy.start().await();
    String throughProxy = database.replace(direct.getHost() + ":" + direct.getPort(), "127.0.0.1:" + port);
    platform = TrainerPlatform.start(DatabaseOutageTest.class, Map.of("DATABASE_URL", throughProxy));
    token = platform.newUser();
  }

  @AfterAll
  static void stop() {
    platform.close();
    proxyVertx.close().await();
    TestDatabase.drop(database);
  }

  @Test
  void answers503WhileTheDatabaseIsDownAndRecoversWhenItReturns() throws InterruptedException {
    assertThat(platform.trainer.get("/api/v1/plans", token).statusCode()).isEqualTo(200);

    proxy.cut().await();
    Instant cut = Instant.now();
    var plans = platform.trainer.get("/api/v1/plans", token);
    var health = platform.trainer.get("/health", null);

    assertProblem(plans, 503);
    assertThat(plans.getHeader("Retry-After")).isNotBlank();
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.bodyAsJsonObject().getJsonObject("checks").getString("database")).isEqualTo("DOWN");
    assertThat(Duration.between(cut, Instant.now())).isLessThan(Duration.ofSeconds(4));

    proxy.start().await();
    assertThat(eventuallyOk("/api/v1/plans")).isTrue();
    assertThat(platform.trainer.get("/health", null).statusCode()).isEqualTo(200);
  }

  private static boolean eventuallyOk(String path) throws InterruptedException {
    for (int attempt = 0; attempt < 50; attempt++) {
      if (platform.trainer.get(path, token).statusCode() == 200) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }
}
