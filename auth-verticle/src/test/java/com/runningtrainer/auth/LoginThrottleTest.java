package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static com.runningtrainer.testsupport.ProblemAssert.withoutTraceId;
import static com.runningtrainer.testsupport.TestAccounts.PASSWORD;
import static com.runningtrainer.testsupport.TestAccounts.credentials;
import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import com.runningtrainer.testsupport.TestHttp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Login throttling: 3 failed logins per account and 6 per client IP in 15 minutes here. Each
 * test is a client of its own (its own loopback IP) with accounts of its own, so that no test
 * spends another's attempts.
 */
class LoginThrottleTest {

  private static final int PER_ACCOUNT = 3;
  private static final int PER_IP = 6;
  private static final long WINDOW_SECONDS = 900;
  private static final String WRONG = "not the password";

  private static AuthPlatform platform;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(LoginThrottleTest.class, Map.of(
        "LOGIN_LIMIT_PER_ACCOUNT", String.valueOf(PER_ACCOUNT),
        "LOGIN_LIMIT_PER_IP", String.valueOf(PER_IP),
        "LOGIN_LIMIT_WINDOW_SECONDS", String.valueOf(WINDOW_SECONDS)));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void theLoginAfterThreeFailuresOfAnAccountIsTooManyRequestsWithRetryAfter() {
    TestHttp client = platform.newClient();
    String email = registered();
    failLogins(client, email, PER_ACCOUNT);

    HttpResponse<Buffer> response = login(client, email, WRONG);

    assertProblem(response, 429);
    assertThat(retryAfter(response)).isBetween(1L, WINDOW_SECONDS);
  }

  @Test
  void failedLoginsWithinTheLimitAreAnsweredAsWrongCredentials() {
    TestHttp client = platform.newClient();
    String email = registered();

    for (int attempt = 1; attempt <= PER_ACCOUNT; attempt++) {
      HttpResponse<Buffer> response = login(client, email, WRONG);

      assertThat(response.statusCode()).as("attempt %d", attempt).isEqualTo(401);
      assertThat(response.getHeader("Retry-After")).isNull();
    }
  }

  @Test
  void aThrottledAccountIsRefusedEvenWithTheRightPassword() {
    TestHttp client = platform.newClient();
    String email = registered();
    failLogins(client, email, PER_ACCOUNT);

    HttpResponse<Buffer> response = login(client, email, PASSWORD);

    assertProblem(response, 429);
  }

  @Test
  void aThrottledUnknownEmailIsAnsweredExactlyAsAThrottledAccount() {
    TestHttp oneClient = platform.newClient();
    TestHttp anotherClient = platform.newClient();
    String registered = registered();
    String unknown = newEmail();
    // In turns, so that both windows start together however slow each hash is on a busy machine.
    for (int attempt = 0; attempt < PER_ACCOUNT; attempt++) {
      failLogins(oneClient, registered, 1);
      failLogins(anotherClient, unknown, 1);
    }

    HttpResponse<Buffer> forRegistered = login(oneClient, registered, WRONG);
    HttpResponse<Buffer> forUnknown = login(anotherClient, unknown, WRONG);

    assertProblem(forRegistered, 429);
    assertProblem(forUnknown, 429);
    assertThat(withoutTraceId(forUnknown)).isEqualTo(withoutTraceId(forRegistered));
    assertThat(forUnknown.getHeader("Content-Type")).isEqualTo(forRegistered.getHeader("Content-Type"));
    // Both windows started within this test, so both waits are the same give or take a second.
    assertThat(retryAfter(forUnknown)).isCloseTo(retryAfter(forRegistered), within(2L));
  }

  @Test
  void anotherAccountStillLogsInWhileOneIsThrottled() {
    TestHttp client = platform.newClient();
    String throttled = registered();
    String other = registered();
    failLogins(client, throttled, PER_ACCOUNT);
    assertThat(login(client, throttled, WRONG).statusCode()).as("the throttled account").isEqualTo(429);

    HttpResponse<Buffer> response = login(client, other, PASSWORD);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void theAccountLimitHoldsWhateverAddressTheAttemptsComeFrom() {
    String email = registered();
    for (int attempt = 0; attempt < PER_ACCOUNT; attempt++) {
      assertThat(login(platform.newClient(), email, WRONG).statusCode()).isEqualTo(401);
    }

    HttpResponse<Buffer> response = login(platform.newClient(), email, WRONG);

    assertProblem(response, 429);
  }

  @Test
  void successfulLoginsDoNotUseUpTheAccountsAttempts() {
    TestHttp client = platform.newClient();
    String email = registered();
    for (int attempt = 1; attempt <= PER_ACCOUNT + 2; attempt++) {
      assertThat(login(client, email, PASSWORD).statusCode()).as("successful login %d", attempt).isEqualTo(200);
    }

    HttpResponse<Buffer> wrongPassword = login(client, email, WRONG);

    assertThat(wrongPassword.statusCode()).isEqualTo(401);
  }

  @Test
  void theLoginAfterSixFailuresFromOneAddressIsTooManyRequestsWhateverTheAccount() {
    TestHttp client = platform.newClient();
    for (int attempt = 0; attempt < PER_IP; attempt++) {
      assertThat(login(client, newEmail(), WRONG).statusCode()).isEqualTo(401);
    }

    HttpResponse<Buffer> response = login(client, newEmail(), WRONG);

    assertProblem(response, 429);
    assertThat(retryAfter(response)).isBetween(1L, WINDOW_SECONDS);
  }

  @Test
  void aThrottledAddressKeepsEvenAnAccountWithAttemptsLeftOut() {
    TestHttp client = platform.newClient();
    String email = registered();
    for (int attempt = 0; attempt < PER_IP; attempt++) {
      login(client, newEmail(), WRONG);
    }

    HttpResponse<Buffer> response = login(client, email, PASSWORD);

    assertProblem(response, 429);
  }

  @Test
  void anotherAddressStillLogsInWhileOneIsThrottled() {
    TestHttp throttled = platform.newClient();
    for (int attempt = 0; attempt <= PER_IP; attempt++) {
      login(throttled, newEmail(), WRONG);
    }
    String email = registered();

    HttpResponse<Buffer> response = login(platform.newClient(), email, PASSWORD);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void aThrottledLoginOnTheEventBusCarriesRetryAfterInItsHeaders() {
    String email = registered();
    for (int attempt = 0; attempt < PER_ACCOUNT; attempt++) {
      assertThat(callLogin(email, "203.0.113.10").getInteger("status")).isEqualTo(401);
    }

    JsonObject response = callLogin(email, "203.0.113.10");

    assertThat(response.getInteger("status")).isEqualTo(429);
    JsonObject headers = response.getJsonObject("headers");
    assertThat(headers.getString("Content-Type")).isEqualTo("application/problem+json");
    assertThat(Long.parseLong(headers.getString("Retry-After"))).isBetween(1L, WINDOW_SECONDS);
  }

  @Test
  void theEventBusEnvelopesClientAddressIsTheOneThrottled() {
    String ip = "203.0.113.20";
    for (int attempt = 0; attempt < PER_IP; attempt++) {
      assertThat(callLogin(newEmail(), ip).getInteger("status")).isEqualTo(401);
    }

    JsonObject fromThatAddress = callLogin(newEmail(), ip);
    JsonObject fromAnother = callLogin(newEmail(), "203.0.113.21");

    assertThat(fromThatAddress.getInteger("status")).isEqualTo(429);
    assertThat(fromAnother.getInteger("status")).isEqualTo(401);
  }

  /** A new account; registering is not throttled in this class. */
  private static String registered() {
    String email = newEmail();
    platform.newUser(email);
    return email;
  }

  private static HttpResponse<Buffer> login(TestHttp client, String email, String password) {
    return client.post("/api/v1/auth/login", null, credentials(email, password));
  }

  private static void failLogins(TestHttp client, String email, int times) {
    for (int attempt = 1; attempt <= times; attempt++) {
      HttpResponse<Buffer> response = login(client, email, WRONG);
      assertThat(response.statusCode()).as("failed login %d of %s", attempt, email).isEqualTo(401);
    }
  }

  private static long retryAfter(HttpResponse<Buffer> response) {
    String value = response.getHeader("Retry-After");
    assertThat(value).as("Retry-After").isNotNull().matches("[0-9]+");
    return Long.parseLong(value);
  }

  private static JsonObject callLogin(String email, String clientIp) {
    JsonObject request = new JsonObject()
        .put("operation_id", "login")
        .put("path", new JsonObject())
        .put("query", new JsonObject())
        .put("body", credentials(email, WRONG))
        .put("principal", new JsonObject())
        .put("client", new JsonObject().put("ip", clientIp))
        .put("request_id", "test-login");
    return platform.vertx.eventBus().<JsonObject>request("auth.api", request, new DeliveryOptions().setSendTimeout(5_000))
        .await().body();
  }
}
