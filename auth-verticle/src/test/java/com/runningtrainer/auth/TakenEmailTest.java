package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static com.runningtrainer.testsupport.TestAccounts.PASSWORD;
import static com.runningtrainer.testsupport.TestAccounts.credentials;
import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.auth.Inbox.Received;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Registering an email that has an account: answered exactly as a new email is, the account left
 * as it was, and its owner told by mail.
 */
class TakenEmailTest {

  private static final String ANOTHER_PASSWORD = "another password 42";
  private static final String NOTICE_SUBJECT = "Someone tried to open a Running Trainer account";

  @RegisterExtension
  static final Inbox INBOX = Inbox.onFreePort();

  private static AuthPlatform platform;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(TakenEmailTest.class, INBOX.settings());
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void aTakenEmailIsAnsweredExactlyAsANewOne() {
    String taken = newEmail();
    platform.newUser(taken);
    String fresh = newEmail();

    HttpResponse<Buffer> forTaken = platform.register(credentials(taken, ANOTHER_PASSWORD));
    HttpResponse<Buffer> forNew = platform.register(credentials(fresh, ANOTHER_PASSWORD));

    assertThat(forTaken.statusCode()).isEqualTo(forNew.statusCode()).isEqualTo(202);
    assertThat(forTaken.getHeader("Content-Type")).isEqualTo(forNew.getHeader("Content-Type"));
    assertThat(forTaken.headers().names()).containsExactlyInAnyOrderElementsOf(forNew.headers().names());
    assertThat(forTaken.bodyAsJsonObject().put("email", "?")).isEqualTo(forNew.bodyAsJsonObject().put("email", "?"));
    assertThat(forTaken.bodyAsJsonObject().getString("email")).isEqualTo(taken);
  }

  @Test
  void aTakenEmailTypedInAnotherCaseIsAnsweredAsItsFirstRegistrationWas() {
    String email = newEmail();
    JsonObject first = platform.register(credentials(email, PASSWORD)).bodyAsJsonObject();

    HttpResponse<Buffer> again = platform.register(credentials(email.toUpperCase(Locale.ROOT), ANOTHER_PASSWORD));

    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(again.bodyAsJsonObject()).isEqualTo(first);
  }

  @Test
  void aWeakPasswordIsRefusedForATakenEmailAsForANewOne() {
    String taken = newEmail();
    platform.newUser(taken);

    HttpResponse<Buffer> response = platform.register(credentials(taken, "password123"));

    assertFieldProblem(response, 400, "password");
  }

  @Test
  void theOwnersPasswordStillLogsIn() {
    String email = newEmail();
    platform.newUser(email);

    platform.register(credentials(email, ANOTHER_PASSWORD));

    assertThat(platform.login(email, PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void thePasswordOfTheAttemptDoesNotLogIn() {
    String email = newEmail();
    platform.newUser(email);

    platform.register(credentials(email, ANOTHER_PASSWORD));

    assertThat(platform.login(email, ANOTHER_PASSWORD).statusCode()).isEqualTo(401);
  }

  @Test
  void theOwnersAccountKeepsItsDisplayName() {
    String email = newEmail();
    platform.register(credentials(email, PASSWORD).put("display_name", "Ann"));

    platform.register(credentials(email, ANOTHER_PASSWORD).put("display_name", "Mallory"));

    assertThat(platform.me(platform.tokenOf(email)).bodyAsJsonObject().getString("display_name")).isEqualTo("Ann");
  }

  @Test
  void theOwnerIsMailedThatSomeoneTriedToRegisterWithTheWayToResetThePassword() {
    String email = newEmail();
    platform.newUser(email);

    platform.register(credentials(email, ANOTHER_PASSWORD));

    Received notice = INBOX.awaitMailAbout(email, NOTICE_SUBJECT);
    assertThat(notice.from()).isEqualTo(Inbox.FROM);
    assertThat(notice.text()).contains("tried to open a Running Trainer account with this email address");
    assertThat(notice.link()).isEqualTo(Inbox.PUBLIC_BASE_URL + Inbox.RESET_PAGE);
  }

  @Test
  void theNoticeCarriesNeitherThePasswordTriedNorAToken() {
    String email = newEmail();
    platform.newUser(email);

    platform.register(credentials(email, ANOTHER_PASSWORD));

    Received notice = INBOX.awaitMailAbout(email, NOTICE_SUBJECT);
    assertThat(notice.text()).doesNotContain(ANOTHER_PASSWORD).doesNotContain("token");
  }

  @Test
  void theOwnerGetsNoNewVerificationLink() {
    String email = newEmail();
    platform.newUser(email);
    INBOX.awaitMail(email, Inbox.VERIFY_PAGE);

    platform.register(credentials(email, ANOTHER_PASSWORD));

    INBOX.awaitMailAbout(email, NOTICE_SUBJECT);
    assertThat(INBOX.mailsTo(email)).hasSize(2);
  }

  @Test
  void aNewEmailGetsTheVerificationMail() {
    String email = newEmail();

    platform.register(credentials(email, PASSWORD));

    Received mail = INBOX.awaitMail(email, Inbox.VERIFY_PAGE);
    assertThat(mail.subject()).isEqualTo("Confirm your email address for Running Trainer");
  }
}
