package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static com.runningtrainer.testsupport.ProblemAssert.withoutTraceId;
import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.TestHttp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Password-reset requests are throttled: 2 per email and 3 per client IP in an hour here, the
 * same for a registered email and an unknown one. Each test is a client of its own.
 */
class PasswordResetThrottleTest {

  private static final int PER_ACCOUNT = 2;
  private static final int PER_IP = 3;

  private static AuthPlatform platform;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(PasswordResetThrottleTest.class, Map.of(
        "RESET_LIMIT_PER_ACCOUNT", String.valueOf(PER_ACCOUNT),
        "RESET_LIMIT_PER_IP", String.valueOf(PER_IP)));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static HttpResponse<Buffer> requestReset(TestHttp client, String email) {
    return client.post("/api/v1/auth/password-reset", null, new JsonObject().put("email", email));
  }

  @Test
  void theThirdRequestForOneEmailIsTooManyRequestsWhetherItIsRegisteredOrNot() {
    String registered = newEmail();
    platform.newUser(registered);
    String unknown = newEmail();
    TestHttp client = platform.newClient();
    for (int attempt = 0; attempt < PER_ACCOUNT; attempt++) {
      assertThat(requestReset(platform.newClient(), registered).statusCode()).isEqualTo(202);
      assertThat(requestReset(platform.newClient(), unknown).statusCode()).isEqualTo(202);
    }

    HttpResponse<Buffer> forRegistered = requestReset(client, registered);
    HttpResponse<Buffer> forUnknown = requestReset(client, unknown);

    assertProblem(forRegistered, 429);
    assertThat(forRegistered.getHeader("Retry-After")).isNotBlank();
    assertThat(forUnknown.statusCode()).isEqualTo(429);
    assertThat(withoutTraceId(forUnknown)).isEqualTo(withoutTraceId(forRegistered));
  }

  @Test
  void theFourthRequestFromOneAddressIsTooManyRequests() {
    TestHttp client = platform.newClient();
    for (int attempt = 0; attempt < PER_IP; attempt++) {
      assertThat(requestReset(client, newEmail()).statusCode()).isEqualTo(202);
    }

    assertProblem(requestReset(client, newEmail()), 429);
  }
}
