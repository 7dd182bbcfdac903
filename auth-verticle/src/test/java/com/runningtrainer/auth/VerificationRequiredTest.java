package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static com.runningtrainer.testsupport.TestAccounts.PASSWORD;
import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** EMAIL_VERIFICATION_REQUIRED=true: only users who followed the mailed link may log in. */
class VerificationRequiredTest {

  @RegisterExtension
  static final Inbox INBOX = Inbox.onFreePort();

  private static AuthPlatform platform;

  @BeforeAll
  static void start() {
    Map<String, String> settings = new HashMap<>(INBOX.settings());
    settings.put("EMAIL_VERIFICATION_REQUIRED", "true");
    platform = AuthPlatform.start(VerificationRequiredTest.class, settings);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void anUnverifiedUserIsRefusedWith403SayingTheEmailMustBeVerified() {
    String email = newEmail();
    platform.newUser(email);

    var login = platform.login(email, PASSWORD);

    assertThat(assertProblem(login, 403).getString("detail")).contains("email address must be verified");
  }

  @Test
  void anUnverifiedUserWithAWrongPasswordGetsTheUsual401() {
    String email = newEmail();
    platform.newUser(email);

    assertProblem(platform.login(email, "not the password"), 401);
  }

  @Test
  void aUserWhoFollowedTheLinkLogsIn() {
    String email = newEmail();
    platform.newUser(email);
    platform.verifyEmail(INBOX.awaitMail(email, Inbox.VERIFY_PAGE).token());

    assertThat(platform.login(email, PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void anUnverifiedUserWhoLostTheMailGetsInThroughAPasswordReset() {
    String email = newEmail();
    platform.newUser(email);
    platform.requestPasswordReset(email);
    String resetToken = INBOX.awaitMail(email, Inbox.RESET_PAGE).token();

    platform.confirmPasswordReset(resetToken, "a brand new passphrase");

    assertThat(platform.login(email, "a brand new passphrase").statusCode()).isEqualTo(200);
  }
}
