package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.auth.Inbox.Received;
import com.runningtrainer.auth.token.OpaqueToken;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Verifying an email: the link mailed at registration or on request works once, within its lifetime. */
class EmailVerificationTest {

  @RegisterExtension
  static final Inbox INBOX = Inbox.onFreePort();

  private static AuthPlatform platform;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(EmailVerificationTest.class, INBOX.settings());
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void registrationMailsAVerificationLinkToTheNewAddress() {
    String email = newEmail();

    platform.newUser(email);

    Received mail = INBOX.awaitMail(email, Inbox.VERIFY_PAGE);
    assertThat(mail.from()).isEqualTo(Inbox.FROM);
    assertThat(mail.subject()).containsIgnoringCase("confirm your email");
    assertThat(mail.link()).startsWith("https://app.running-trainer.test/verify-email?token=");
    assertThat(mail.token()).hasSizeGreaterThanOrEqualTo(43);
  }

  @Test
  void aNewAccountIsUnverified() {
    String email = newEmail();

    platform.newUser(email);

    assertThat(platform.me(platform.tokenOf(email)).bodyAsJsonObject().getBoolean("email_verified")).isFalse();
  }

  @Test
  void theMailedLinkVerifiesTheEmail() {
    String email = newEmail();
    platform.newUser(email);
    String token = INBOX.awaitMail(email, Inbox.VERIFY_PAGE).token();

    var verified = platform.verifyEmail(token);

    assertThat(verified.statusCode()).as(verified.bodyAsString()).isEqualTo(204);
    assertThat(platform.me(platform.tokenOf(email)).bodyAsJsonObject().getBoolean("email_verified")).isTrue();
  }

  @Test
  void theMailedLinkWorksOnce() {
    String email = newEmail();
    platform.newUser(email);
    String token = INBOX.awaitMail(email, Inbox.VERIFY_PAGE).token();
    platform.verifyEmail(token);

    var again = platform.verifyEmail(token);

    assertFieldProblem(again, 400, "token");
  }

  @Test
  void anExpiredLinkIsRefusedAndTheEmailStaysUnverified() {
    String email = newEmail();
    platform.newUser(email);
    String token = INBOX.awaitMail(email, Inbox.VERIFY_PAGE).token();
    assertThat(platform.expireEmailTokensOf(email)).isEqualTo(1);

    var verified = platform.verifyEmail(token);

    assertFieldProblem(verified, 400, "token");
    assertThat(platform.me(platform.tokenOf(email)).bodyAsJsonObject().getBoolean("email_verified")).isFalse();
  }

  @Test
  void anUnknownTokenIsRefused() {
    assertFieldProblem(platform.verifyEmail(OpaqueToken.generate().value()), 400, "token");
  }

  @Test
  void aRequestWithoutTokenIsRefusedNamingIt() {
    var verified = platform.http.post("/api/v1/auth/verify-email", null, new JsonObject());

    assertFieldProblem(verified, 400, "token");
  }

  @Test
  void theMailedTokenIsStoredOnlyAsItsHash() {
    String email = newEmail();
    platform.newUser(email);

    String token = INBOX.awaitMail(email, Inbox.VERIFY_PAGE).token();

    assertThat(platform.storedEmailTokens(OpaqueToken.hash(token))).isEqualTo(1);
    assertThat(platform.storedEmailTokens(token.getBytes(StandardCharsets.UTF_8))).isZero();
  }

  @Test
  void resendingMailsANewLinkThatWorks() {
    String email = newEmail();
    platform.newUser(email);
    String first = INBOX.awaitMail(email, Inbox.VERIFY_PAGE).token();

    var resent = platform.resendVerification(platform.tokenOf(email));

    assertThat(resent.statusCode()).as(resent.bodyAsString()).isEqualTo(202);
    String second = INBOX.awaitMails(email, Inbox.VERIFY_PAGE, 2).get(1).token();
    assertThat(second).isNotEqualTo(first);
    assertThat(platform.verifyEmail(second).statusCode()).isEqualTo(204);
  }

  @Test
  void onceOneLinkHasWorkedTheOlderOnesDoNot() {
    String email = newEmail();
    platform.newUser(email);
    INBOX.awaitMail(email, Inbox.VERIFY_PAGE);
    platform.resendVerification(platform.tokenOf(email));
    List<Received> mails = INBOX.awaitMails(email, Inbox.VERIFY_PAGE, 2);

    assertThat(platform.verifyEmail(mails.get(1).token()).statusCode()).isEqualTo(204);

    assertFieldProblem(platform.verifyEmail(mails.get(0).token()), 400, "token");
  }

  @Test
  void resendingToAVerifiedEmailIsAConflict() {
    String email = newEmail();
    platform.newUser(email);
    platform.verifyEmail(INBOX.awaitMail(email, Inbox.VERIFY_PAGE).token());

    assertProblem(platform.resendVerification(platform.tokenOf(email)), 409);
  }

  @Test
  void resendingNeedsABearerToken() {
    assertProblem(platform.resendVerification(null), 401);
  }
}
