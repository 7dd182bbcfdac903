package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static com.runningtrainer.testsupport.TestAccounts.PASSWORD;
import static com.runningtrainer.testsupport.TestAccounts.credentials;
import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.TestHttp;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Registration throttling: 3 registrations per client IP and 2 attempts per email in an hour
 * here. Each test is a client of its own (its own loopback IP) with emails of its own.
 */
class RegisterThrottleTest {

  private static final int PER_IP = 3;
  private static final int PER_ACCOUNT = 2;
  private static final long WINDOW_SECONDS = 3600;

  private static AuthPlatform platform;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(RegisterThrottleTest.class, Map.of(
        "REGISTER_LIMIT_PER_IP", String.valueOf(PER_IP),
        "REGISTER_LIMIT_PER_ACCOUNT", String.valueOf(PER_ACCOUNT),
        "REGISTER_LIMIT_WINDOW_SECONDS", String.valueOf(WINDOW_SECONDS)));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void theFourthRegistrationFromOneAddressIsTooManyRequestsWithRetryAfter() {
    TestHttp client = platform.newClient();
    for (int attempt = 1; attempt <= PER_IP; attempt++) {
      assertThat(register(client, newEmail()).statusCode()).as("registration %d", attempt).isEqualTo(202);
    }

    HttpResponse<Buffer> response = register(client, newEmail());

    assertProblem(response, 429);
    assertThat(Long.parseLong(response.getHeader("Retry-After"))).isBetween(1L, WINDOW_SECONDS);
  }

  @Test
  void aThrottledRegistrationCreatesNoAccount() {
    TestHttp client = platform.newClient();
    for (int attempt = 0; attempt < PER_IP; attempt++) {
      register(client, newEmail());
    }
    String email = newEmail();
    assertThat(register(client, email).statusCode()).isEqualTo(429);

    HttpResponse<Buffer> login = platform.login(email, PASSWORD);

    assertThat(login.statusCode()).isEqualTo(401);
  }

  @Test
  void anotherAddressStillRegistersWhileOneIsThrottled() {
    TestHttp throttled = platform.newClient();
    for (int attempt = 0; attempt <= PER_IP; attempt++) {
      register(throttled, newEmail());
    }

    HttpResponse<Buffer> response = register(platform.newClient(), newEmail());

    assertThat(response.statusCode()).isEqualTo(202);
  }

  @Test
  void theThirdAttemptToRegisterOneEmailIsTooManyRequestsWhateverTheAddress() {
    String email = newEmail();
    assertThat(register(platform.newClient(), email).statusCode()).isEqualTo(202);
    assertThat(register(platform.newClient(), email).statusCode()).isEqualTo(202);

    HttpResponse<Buffer> response = register(platform.newClient(), email);

    assertProblem(response, 429);
    assertThat(response.getHeader("Retry-After")).matches("[0-9]+");
  }

  private static HttpResponse<Buffer> register(TestHttp client, String email) {
    return client.post("/api/v1/auth/register", null, credentials(email, PASSWORD));
  }
}
