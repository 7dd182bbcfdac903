package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static com.runningtrainer.testsupport.TestAccounts.PASSWORD;
import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.auth.Inbox.Received;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A signed-in user changing their email: the current password required, the change made only by
 * the link mailed to the new address, the old address told, and a taken address answered as a
 * free one.
 */
class EmailChangeTest {

  private static final int FAILED_LOGINS_ALLOWED = 3;
  private static final int MAILS_TO_AN_ADDRESS_ALLOWED = 3;
  private static final String NOTICE_SUBJECT = "A change of your Running Trainer email was asked";
  private static final String ATTEMPT_SUBJECT = "Someone tried to use your address";

  @RegisterExtension
  static final Inbox INBOX = Inbox.onFreePort();

  private static AuthPlatform platform;

  @BeforeAll
  static void start() {
    Map<String, String> settings = new HashMap<>(INBOX.settings());
    settings.put("LOGIN_LIMIT_PER_ACCOUNT", String.valueOf(FAILED_LOGINS_ALLOWED));
    settings.put("RESET_LIMIT_PER_ACCOUNT", String.valueOf(MAILS_TO_AN_ADDRESS_ALLOWED));
    platform = AuthPlatform.start(EmailChangeTest.class, settings);
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

  /** Asks the change with the right password, and waits for the link mailed to the new address; its token. */
  private static String linkMailed(String email, String newEmail) {
    HttpResponse<Buffer> asked = platform.changeEmail(platform.tokenOf(email), PASSWORD, newEmail);
    assertThat(asked.statusCode()).as(asked.bodyAsString()).isEqualTo(202);
    return INBOX.awaitMail(newEmail, Inbox.CONFIRM_EMAIL_PAGE).token();
  }

  private static JsonObject accountOf(String token) {
    return platform.me(token).bodyAsJsonObject();
  }

  @Test
  void theLinkMailedToTheNewAddressMakesItTheVerifiedEmailOfTheAccount() {
    String email = registered();
    String token = platform.tokenOf(email);
    String newEmail = newEmail();

    var confirmed = platform.confirmEmailChange(linkMailed(email, newEmail));

    assertThat(confirmed.statusCode()).as(confirmed.bodyAsString()).isEqualTo(204);
    assertThat(accountOf(token).getString("email")).isEqualTo(newEmail);
    assertThat(accountOf(token).getBoolean("email_verified")).isTrue();
  }

  @Test
  void afterTheChangeTheNewAddressLogsInAndTheOldOneNoLonger() {
    String email = registered();
    String newEmail = newEmail();

    platform.confirmEmailChange(linkMailed(email, newEmail));

    assertThat(platform.login(newEmail, PASSWORD).statusCode()).isEqualTo(200);
    assertProblem(platform.login(email, PASSWORD), 401);
  }

  @Test
  void untilTheLinkIsOpenedTheAccountKeepsItsEmail() {
    String email = registered();
    String newEmail = newEmail();

    linkMailed(email, newEmail);

    assertThat(accountOf(platform.tokenOf(email)).getString("email")).isEqualTo(email);
    assertProblem(platform.login(newEmail, PASSWORD), 401);
  }

  @Test
  void theOldAddressIsToldOfTheRequestWithoutALinkThatChangesIt() {
    String email = registered();
    String newEmail = newEmail();

    linkMailed(email, newEmail);

    Received notice = INBOX.awaitMailAbout(email, NOTICE_SUBJECT);
    assertThat(notice.text()).contains(newEmail);
    assertThat(notice.link()).isEqualTo(Inbox.PUBLIC_BASE_URL + Inbox.RESET_PAGE);
  }

  @Test
  void anAddressTypedInCapitalsIsStoredLowerCased() {
    String email = registered();
    String newEmail = newEmail();
    String token = platform.tokenOf(email);

    platform.changeEmail(token, PASSWORD, "  " + newEmail.toUpperCase(Locale.ROOT) + " ");
    platform.confirmEmailChange(INBOX.awaitMail(newEmail, Inbox.CONFIRM_EMAIL_PAGE).token());

    assertThat(accountOf(token).getString("email")).isEqualTo(newEmail);
  }

  @Test
  void aWrongCurrentPasswordIsRefusedAndMailsNoLink() {
    String email = registered();
    String token = platform.tokenOf(email);
    String refusedAddress = newEmail();
    String laterAddress = newEmail();

    var refused = platform.changeEmail(token, "not my password at all", refusedAddress);

    assertFieldProblem(refused, 400, "current_password");
    platform.changeEmail(token, PASSWORD, laterAddress);
    INBOX.awaitMail(laterAddress, Inbox.CONFIRM_EMAIL_PAGE);
    assertThat(INBOX.mailsTo(refusedAddress)).isEmpty();
  }

  @Test
  void wrongCurrentPasswordsAreThrottledAsFailedLoginsOfTheAccount() {
    String email = registered();
    String token = platform.tokenOf(email);
    for (int i = 0; i < FAILED_LOGINS_ALLOWED; i++) {
      assertFieldProblem(platform.changeEmail(token, "a wrong guess " + i, newEmail()), 400, "current_password");
    }

    var throttled = platform.changeEmail(token, PASSWORD, newEmail());

    assertProblem(throttled, 429);
    assertThat(throttled.getHeader("Retry-After")).isNotBlank();
  }

  @Test
  void requestsForOneAddressAreLimitedAsResetRequestsForIt() {
    String token = platform.tokenOf(registered());
    String target = newEmail();
    for (int i = 0; i < MAILS_TO_AN_ADDRESS_ALLOWED; i++) {
      assertThat(platform.changeEmail(token, PASSWORD, target).statusCode()).isEqualTo(202);
    }

    var throttled = platform.changeEmail(token, PASSWORD, target);

    assertProblem(throttled, 429);
    assertThat(throttled.getHeader("Retry-After")).isNotBlank();
  }

  @Test
  void theAccountsOwnAddressIsRefused() {
    String email = registered();

    assertFieldProblem(platform.changeEmail(platform.tokenOf(email), PASSWORD, email), 400, "email");
  }

  @Test
  void aTakenAddressIsAnsweredExactlyAsAFreeOne() {
    String email = registered();
    String token = platform.tokenOf(email);
    String taken = registered();

    HttpResponse<Buffer> forTaken = platform.changeEmail(token, PASSWORD, taken);
    HttpResponse<Buffer> forFree = platform.changeEmail(token, PASSWORD, newEmail());

    assertThat(forTaken.statusCode()).isEqualTo(forFree.statusCode()).isEqualTo(202);
    assertThat(forTaken.headers().names()).containsExactlyInAnyOrderElementsOf(forFree.headers().names());
    assertThat(forTaken.bodyAsString()).isEqualTo(forFree.bodyAsString());
  }

  @Test
  void theOwnerOfATakenAddressIsToldSomeoneTriedAndGetsNoLink() {
    String email = registered();
    String taken = registered();

    platform.changeEmail(platform.tokenOf(email), PASSWORD, taken);

    Received attempt = INBOX.awaitMailAbout(taken, ATTEMPT_SUBJECT);
    assertThat(attempt.text()).doesNotContain("token").doesNotContain(email);
    assertThat(INBOX.mailsTo(taken)).noneMatch(mail -> mail.text().contains(Inbox.CONFIRM_EMAIL_PAGE));
  }

  @Test
  void askingForATakenAddressChangesNeitherAccount() {
    String email = registered();
    String taken = registered();

    platform.changeEmail(platform.tokenOf(email), PASSWORD, taken);
    INBOX.awaitMailAbout(taken, ATTEMPT_SUBJECT);

    assertThat(accountOf(platform.tokenOf(email)).getString("email")).isEqualTo(email);
    assertThat(accountOf(platform.tokenOf(taken)).getString("email")).isEqualTo(taken);
  }

  @Test
  void aLinkForAnAddressTakenSinceIsAConflictAndChangesNothing() {
    String email = registered();
    String newEmail = newEmail();
    String link = linkMailed(email, newEmail);
    platform.newUser(newEmail);

    assertProblem(platform.confirmEmailChange(link), 409);
    assertThat(accountOf(platform.tokenOf(email)).getString("email")).isEqualTo(email);
  }

  @Test
  void aLinkWorksOnce() {
    String email = registered();
    String link = linkMailed(email, newEmail());
    platform.confirmEmailChange(link);

    assertFieldProblem(platform.confirmEmailChange(link), 400, "token");
  }

  @Test
  void anExpiredLinkChangesNothing() {
    String email = registered();
    String link = linkMailed(email, newEmail());
    platform.expireEmailTokensOf(email);

    assertFieldProblem(platform.confirmEmailChange(link), 400, "token");
    assertThat(accountOf(platform.tokenOf(email)).getString("email")).isEqualTo(email);
  }

  @Test
  void aNewRequestCancelsTheLinkOfTheOneBefore() {
    String email = registered();
    String mistyped = newEmail();
    String meant = newEmail();
    String first = linkMailed(email, mistyped);
    String second = linkMailed(email, meant);

    assertFieldProblem(platform.confirmEmailChange(first), 400, "token");
    assertThat(platform.confirmEmailChange(second).statusCode()).isEqualTo(204);
  }

  @Test
  void aNewPasswordCancelsTheChangeAskedBefore() {
    String email = registered();
    String link = linkMailed(email, newEmail());

    platform.changePassword(platform.tokenOf(email), PASSWORD, "the owner's new passphrase");

    assertFieldProblem(platform.confirmEmailChange(link), 400, "token");
  }

  @Test
  void aResetLinkMailedToTheOldAddressStopsWorking() {
    String email = registered();
    platform.requestPasswordReset(email);
    String reset = INBOX.awaitMail(email, Inbox.RESET_PAGE).token();

    platform.confirmEmailChange(linkMailed(email, newEmail()));

    assertFieldProblem(platform.confirmPasswordReset(reset, "a passphrase of the old mailbox"), 400, "token");
  }

  @Test
  void theSessionsOfTheAccountStayOpen() {
    String email = registered();
    JsonObject phone = platform.session(email, "phone");

    platform.confirmEmailChange(linkMailed(email, newEmail()));

    assertThat(platform.me(phone.getString("access_token")).statusCode()).isEqualTo(200);
    assertThat(platform.refresh(phone.getString("refresh_token")).statusCode()).isEqualTo(200);
  }

  @Test
  void anotherUsersAccountIsLeftAsItWas() {
    String email = registered();
    String someoneElse = registered();
    String theirToken = platform.tokenOf(someoneElse);

    platform.confirmEmailChange(linkMailed(email, newEmail()));

    assertThat(accountOf(theirToken).getString("email")).isEqualTo(someoneElse);
    assertThat(platform.login(someoneElse, PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void withoutABearerTokenNothingIsAsked() {
    assertProblem(platform.changeEmail(null, PASSWORD, newEmail()), 401);
  }

  @Test
  void anAddressThatIsNoEmailIsRefused() {
    String token = platform.tokenOf(registered());

    assertFieldProblem(platform.changeEmail(token, PASSWORD, "not an email"), 400, "email");
  }

  @Test
  void anAddressWithANulCharacterIsRefused() {
    String token = platform.tokenOf(registered());

    assertFieldProblem(platform.changeEmail(token, PASSWORD, "ru\u0000nner@example.com"), 400, "email");
  }

  @Test
  void anAddressOfTenThousandCharactersIsRefused() {
    String token = platform.tokenOf(registered());

    assertFieldProblem(platform.changeEmail(token, PASSWORD, "a".repeat(10_000) + "@example.com"), 400, "email");
  }

  @Test
  void aTokenWithANulCharacterOrTenThousandCharactersIsRefused() {
    assertFieldProblem(platform.confirmEmailChange("to\u0000ken"), 400, "token");
    assertFieldProblem(platform.confirmEmailChange("t".repeat(10_000)), 400, "token");
  }

  @Test
  void aMadeUpTokenIsRefused() {
    assertFieldProblem(platform.confirmEmailChange("a-token-nobody-was-mailed"), 400, "token");
  }
}
