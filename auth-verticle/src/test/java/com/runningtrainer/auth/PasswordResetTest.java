package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static com.runningtrainer.testsupport.TestAccounts.PASSWORD;
import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.auth.Inbox.Received;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Resetting a forgotten password by mail: never telling who is registered, and ending every session after. */
class PasswordResetTest {

  private static final String NEW_PASSWORD = "a brand new passphrase";

  @RegisterExtension
  static final Inbox INBOX = Inbox.onFreePort();

  private static AuthPlatform platform;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(PasswordResetTest.class, INBOX.settings());
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  /** A registered user; their email. */
  private static String registered() {
    String email = newEmail();
    platform.newUser(email);
    return email;
  }

  /** Asks for a reset of a registered user's password; the token of the link mailed. */
  private static String resetTokenOf(String email) {
    assertThat(platform.requestPasswordReset(email).statusCode()).isEqualTo(202);
    return resetMailTo(email).token();
  }

  private static Received resetMailTo(String email) {
    return INBOX.awaitMail(email, Inbox.RESET_PAGE);
  }

  @Test
  void anUnknownAndAKnownEmailGetTheSameAnswer() {
    var unknown = platform.requestPasswordReset(newEmail());
    var known = platform.requestPasswordReset(registered());

    assertThat(unknown.statusCode()).isEqualTo(202);
    assertThat(known.statusCode()).isEqualTo(202);
    assertThat(unknown.bodyAsString()).isEqualTo(known.bodyAsString());
  }

  @Test
  void onlyARegisteredEmailGetsAMail() {
    String unknown = newEmail();
    String known = registered();

    platform.requestPasswordReset(unknown);
    platform.requestPasswordReset(known);

    assertThat(resetMailTo(known).subject()).containsIgnoringCase("reset");
    // The unknown email was asked for first, and auth has nothing left to do for it after answering.
    assertThat(INBOX.mailsTo(unknown)).isEmpty();
  }

  @Test
  void theResetMailLinksToTheResetPage() {
    String email = registered();

    platform.requestPasswordReset(email.toUpperCase(Locale.ROOT));

    Received mail = resetMailTo(email);
    assertThat(mail.from()).isEqualTo(Inbox.FROM);
    assertThat(mail.subject()).containsIgnoringCase("reset your");
    assertThat(mail.link()).startsWith("https://app.running-trainer.test/reset-password?token=");
  }

  @Test
  void confirmingSetsTheNewPassword() {
    String email = registered();

    var confirmed = platform.confirmPasswordReset(resetTokenOf(email), NEW_PASSWORD);

    assertThat(confirmed.statusCode()).as(confirmed.bodyAsString()).isEqualTo(204);
    assertProblem(platform.login(email, PASSWORD), 401);
    assertThat(platform.login(email, NEW_PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void confirmingEndsEverySessionOfTheUser() {
    String email = registered();
    JsonObject phone = platform.session(email, "phone");
    JsonObject laptop = platform.session(email, "laptop");
    assertThat(platform.me(phone.getString("access_token")).statusCode()).isEqualTo(200);

    platform.confirmPasswordReset(resetTokenOf(email), NEW_PASSWORD);

    assertProblem(platform.me(phone.getString("access_token")), 401);
    assertProblem(platform.me(laptop.getString("access_token")), 401);
    assertProblem(platform.refresh(phone.getString("refresh_token")), 401);
    assertProblem(platform.refresh(laptop.getString("refresh_token")), 401);
  }

  @Test
  void confirmingLeavesOtherUsersSessionsAlone() {
    String email = registered();
    JsonObject someoneElse = platform.session(registered(), "phone");

    platform.confirmPasswordReset(resetTokenOf(email), NEW_PASSWORD);

    assertThat(platform.me(someoneElse.getString("access_token")).statusCode()).isEqualTo(200);
  }

  @Test
  void aResetTokenWorksOnce() {
    String email = registered();
    String token = resetTokenOf(email);
    platform.confirmPasswordReset(token, NEW_PASSWORD);

    var again = platform.confirmPasswordReset(token, "yet another passphrase");

    assertFieldProblem(again, 400, "token");
    assertThat(platform.login(email, NEW_PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void anExpiredResetTokenIsRefusedAndThePasswordStays() {
    String email = registered();
    String token = resetTokenOf(email);
    platform.expireEmailTokensOf(email);

    var confirmed = platform.confirmPasswordReset(token, NEW_PASSWORD);

    assertFieldProblem(confirmed, 400, "token");
    assertThat(platform.login(email, PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void aVerificationTokenCannotResetAPassword() {
    String email = registered();
    String verificationToken = INBOX.awaitMail(email, Inbox.VERIFY_PAGE).token();

    var confirmed = platform.confirmPasswordReset(verificationToken, NEW_PASSWORD);

    assertFieldProblem(confirmed, 400, "token");
    assertThat(platform.login(email, PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void aNewPasswordShorterThanTenCharactersIsRefusedAndTheTokenKeepsWorking() {
    String email = registered();
    String token = resetTokenOf(email);

    assertFieldProblem(platform.confirmPasswordReset(token, "a".repeat(9)), 400, "password");

    assertThat(platform.confirmPasswordReset(token, NEW_PASSWORD).statusCode()).isEqualTo(204);
  }

  @Test
  void aNewPasswordLongerThan128CharactersIsRefused() {
    String email = registered();

    assertFieldProblem(platform.confirmPasswordReset(resetTokenOf(email), "a".repeat(129)), 400, "password");
  }

  @Test
  void aCommonNewPasswordIsRefusedAsAtRegistration() {
    String email = registered();

    var response = platform.confirmPasswordReset(resetTokenOf(email), "password1234");

    assertFieldProblem(response, 400, "password");
    assertThat(response.bodyAsJsonObject().getString("detail")).contains("too common");
  }

  @Test
  void theNewPasswordIsStoredAsAnArgon2idHash() {
    String email = registered();

    platform.confirmPasswordReset(resetTokenOf(email), NEW_PASSWORD);

    assertThat(platform.passwordHashOf(email)).startsWith("$argon2id$").doesNotContain(NEW_PASSWORD);
  }

  @Test
  void followingAResetLinkVerifiesTheEmail() {
    String email = registered();

    platform.confirmPasswordReset(resetTokenOf(email), NEW_PASSWORD);

    String token = platform.login(email, NEW_PASSWORD).bodyAsJsonObject().getString("access_token");
    assertThat(platform.me(token).bodyAsJsonObject().getBoolean("email_verified")).isTrue();
  }

  @Test
  void aMalformedEmailIsRefusedNamingIt() {
    assertFieldProblem(platform.requestPasswordReset("not-an-email"), 400, "email");
  }
}
