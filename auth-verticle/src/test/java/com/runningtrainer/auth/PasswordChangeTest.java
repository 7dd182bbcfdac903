package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static com.runningtrainer.testsupport.TestAccounts.PASSWORD;
import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A signed-in user changing their password: the current one required, the rules kept, the other sessions ended. */
class PasswordChangeTest {

  private static final String NEW_PASSWORD = "a brand new passphrase";
  private static final int FAILED_LOGINS_ALLOWED = 3;

  private static AuthPlatform platform;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(PasswordChangeTest.class,
        Map.of("LOGIN_LIMIT_PER_ACCOUNT", String.valueOf(FAILED_LOGINS_ALLOWED)));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static String registered() {
    String email = newEmail();
    platform.newUser(email);
    return email;
  }

  @Test
  void theCurrentPasswordSetsTheNewOne() {
    String email = registered();

    var changed = platform.changePassword(platform.tokenOf(email), PASSWORD, NEW_PASSWORD);

    assertThat(changed.statusCode()).as(changed.bodyAsString()).isEqualTo(204);
    assertProblem(platform.login(email, PASSWORD), 401);
    assertThat(platform.login(email, NEW_PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongCurrentPasswordChangesNothing() {
    String email = registered();
    String hash = platform.passwordHashOf(email);

    var refused = platform.changePassword(platform.tokenOf(email), "not my password at all", NEW_PASSWORD);

    assertFieldProblem(refused, 400, "current_password");
    assertThat(platform.passwordHashOf(email)).isEqualTo(hash);
  }

  @Test
  void aNewPasswordThatBreaksTheRulesIsRefusedWithoutEchoingIt() {
    String email = registered();

    var refused = platform.changePassword(platform.tokenOf(email), PASSWORD, "password123");

    assertFieldProblem(refused, 400, "password");
    assertThat(refused.bodyAsString()).doesNotContain("password123");
    assertThat(platform.login(email, PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void wrongCurrentPasswordsAreThrottledAsFailedLoginsOfTheAccount() {
    String email = registered();
    String token = platform.tokenOf(email);
    for (int i = 0; i < FAILED_LOGINS_ALLOWED; i++) {
      assertFieldProblem(platform.changePassword(token, "a wrong guess " + i, NEW_PASSWORD), 400, "current_password");
    }

    var throttled = platform.changePassword(token, PASSWORD, NEW_PASSWORD);

    assertProblem(throttled, 429);
    assertThat(throttled.getHeader("Retry-After")).isNotBlank();
    assertProblem(platform.login(email, NEW_PASSWORD), 429);
  }

  @Test
  void everyOtherSessionEndsAndThisOneStays() {
    String email = registered();
    JsonObject phone = platform.session(email, "phone");
    JsonObject laptop = platform.session(email, "laptop");

    platform.changePassword(laptop.getString("access_token"), PASSWORD, NEW_PASSWORD);

    assertProblem(platform.me(phone.getString("access_token")), 401);
    assertProblem(platform.refresh(phone.getString("refresh_token")), 401);
    assertThat(platform.me(laptop.getString("access_token")).statusCode()).isEqualTo(200);
    assertThat(platform.refresh(laptop.getString("refresh_token")).statusCode()).isEqualTo(200);
  }

  @Test
  void anotherUsersSessionsStayOpen() {
    String email = registered();
    JsonObject someoneElse = platform.session(registered(), "phone");

    platform.changePassword(platform.tokenOf(email), PASSWORD, NEW_PASSWORD);

    assertThat(platform.me(someoneElse.getString("access_token")).statusCode()).isEqualTo(200);
    assertThat(platform.refresh(someoneElse.getString("refresh_token")).statusCode()).isEqualTo(200);
  }

  @Test
  void withoutATokenNothingChanges() {
    assertProblem(platform.changePassword(null, PASSWORD, NEW_PASSWORD), 401);
  }
}
