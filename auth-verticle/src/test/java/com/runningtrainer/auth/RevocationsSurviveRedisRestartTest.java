package com.runningtrainer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.TestAccounts;
import com.runningtrainer.testsupport.TestPorts;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Redis of this test's own, which keeps nothing on disk (as the platform's does), killed and
 * started again empty: what was revoked stays revoked.
 */
class RevocationsSurviveRedisRestartTest {

  private static final long REBUILD_WAIT_MS = 15_000;

  @TempDir
  static Path redisDirectory;

  private static int redisPort;
  private static Process redis;
  private static AuthPlatform platform;

  @BeforeAll
  static void start() throws IOException {
    redisPort = TestPorts.free();
    redis = startRedis();
    platform = AuthPlatform.start(RevocationsSurviveRedisRestartTest.class,
        Map.of("REDIS_URL", "redis://127.0.0.1:" + redisPort + "/0"));
  }

  @AfterAll
  static void stop() {
    platform.close();
    redis.destroyForcibly();
  }

  @Test
  void aLoggedOutTokenStaysRefusedAfterRedisRestartsEmpty() throws IOException {
    String email = TestAccounts.newEmail();
    platform.newUser(email);
    String token = platform.tokenOf(email);
    platform.http.post("/api/v1/auth/logout", token, null);

    restartRedisEmpty();

    assertThat(statusesUntilDecided(token)).doesNotContain(200).endsWith(401);
  }

  /** The answers to a request with the token until one is not a 503 (the list being rebuilt). */
  private static List<Integer> statusesUntilDecided(String token) {
    List<Integer> statuses = new ArrayList<>();
    long deadline = System.currentTimeMillis() + REBUILD_WAIT_MS;
    int status;
    do {
      status = platform.me(token).statusCode();
      statuses.add(status);
    } while (status == 503 && System.currentTimeMillis() < deadline);
    return statuses;
  }

  private static void restartRedisEmpty() throws IOException {
    redis.destroyForcibly();
    redis.onExit().join();
    redis = startRedis();
  }

  private static Process startRedis() throws IOException {
    Process started = new ProcessBuilder("redis-server", "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", redisDirectory.toString())
        .redirectErrorStream(true).redirectOutput(redisDirectory.resolve("redis.log").toFile()).start();
    awaitListening();
    return started;
  }

  private static void awaitListening() throws IOException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      try (Socket probe = new Socket("127.0.0.1", redisPort)) {
        return;
      } catch (IOException notYet) {
        if (System.currentTimeMillis() > deadline) {
          throw notYet;
        }
        LockSupport.parkNanos(50_000_000);
      }
    }
  }
}
