package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.TestAccounts;
import com.runningtrainer.testsupport.TestPorts;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With Redis out of reach, no token can be checked against the revocation list: fail closed. */
class RevocationOutageTest {

  private static AuthPlatform platform;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(RevocationOutageTest.class,
        Map.of("REDIS_URL", "redis://127.0.0.1:" + TestPorts.free() + "/0"));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void aValidTokenIsAnswered503RatherThanTrustedWhileRevocationsCannotBeRead() {
    String email = TestAccounts.newEmail();
    platform.newUser(email);
    String token = platform.tokenOf(email);

    var me = platform.me(token);

    assertProblem(me, 503);
    assertThat(me.getHeader("Retry-After")).isNotBlank();
  }

  @Test
  void healthSaysRedisIsDown() {
    var health = platform.http.get("/health", null);

    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.bodyAsJsonObject().getJsonObject("checks").getString("redis")).isEqualTo("DOWN");
  }
}
