package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.TestAccounts.PASSWORD;
import static com.runningtrainer.testsupport.TestAccounts.credentials;
import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.TestPorts;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Auth with its Redis unreachable (a closed port): throttling fails open, so people still
 * register and log in, and nothing is throttled, rather than nobody getting in.
 */
class AuthWithoutRedisTest {

  private static AuthPlatform platform;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(AuthWithoutRedisTest.class, Map.of(
        "REDIS_URL", "redis://127.0.0.1:" + TestPorts.free() + "/0",
        "LOGIN_LIMIT_PER_ACCOUNT", "1",
        "LOGIN_LIMIT_PER_IP", "1",
        "REGISTER_LIMIT_PER_ACCOUNT", "1",
        "REGISTER_LIMIT_PER_IP", "1"));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void peopleStillRegisterAndLogIn() {
    String email = newEmail();

    HttpResponse<Buffer> registered = platform.register(credentials(email, PASSWORD));
    HttpResponse<Buffer> loggedIn = platform.login(email, PASSWORD);

    assertThat(registered.statusCode()).isEqualTo(202);
    assertThat(loggedIn.statusCode()).isEqualTo(200);
    assertThat(loggedIn.bodyAsJsonObject().getString("access_token")).isNotBlank();
  }

  @Test
  void failedLoginsPastTheLimitAreNotThrottled() {
    String email = newEmail();
    platform.newUser(email);

    for (int attempt = 1; attempt <= 3; attempt++) {
      HttpResponse<Buffer> response = platform.login(email, "not the password");

      assertThat(response.statusCode()).as("failed login %d", attempt).isEqualTo(401);
    }
  }

  @Test
  void registrationsPastTheLimitAreNotThrottled() {
    for (int attempt = 1; attempt <= 3; attempt++) {
      HttpResponse<Buffer> response = platform.register(credentials(newEmail(), PASSWORD));

      assertThat(response.statusCode()).as("registration %d", attempt).isEqualTo(202);
    }
  }

  @Test
  void thePasswordPolicyStillHolds() {
    HttpResponse<Buffer> response = platform.register(credentials(newEmail(), "password123"));

    assertThat(response.statusCode()).isEqualTo(400);
  }
}
