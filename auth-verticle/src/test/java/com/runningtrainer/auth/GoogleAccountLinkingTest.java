package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static com.runningtrainer.testsupport.TestAccounts.PASSWORD;
import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.auth.FakeGoogle.Account;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which password account a Google login may join: only one whose owner proved the address, so
 * that whoever registered someone else's address first (account pre-hijacking) never shares
 * the account its owner later signs into with Google.
 */
class GoogleAccountLinkingTest {

  @RegisterExtension
  static final Inbox INBOX = Inbox.onFreePort();

  private static final String NEW_PASSWORD = "a new and better passphrase";

  private static FakeGoogle google;
  private static AuthPlatform platform;
  private static OAuthBrowser browser;

  @BeforeAll
  static void start() {
    google = FakeGoogle.start();
    Map<String, String> settings = new HashMap<>(INBOX.settings());
    settings.putAll(Map.of(
        "GOOGLE_ISSUER", google.issuer(),
        "GOOGLE_CLIENT_ID", FakeGoogle.CLIENT_ID,
        "GOOGLE_CLIENT_SECRET", FakeGoogle.CLIENT_SECRET));
    platform = AuthPlatform.start(GoogleAccountLinkingTest.class, settings);
    browser = new OAuthBrowser(platform);
  }

  @AfterAll
  static void stop() {
    platform.close();
    google.close();
  }

  /** A registered account whose owner followed the verification link. */
  private static JsonObject verifiedAccount(String email) {
    JsonObject account = platform.newUser(email);
    assertThat(platform.verifyEmail(INBOX.awaitMail(email, Inbox.VERIFY_PAGE).token()).statusCode()).isEqualTo(204);
    return account;
  }

  @Test
  void aVerifiedEmailOfAVerifiedPasswordAccountLinksThatAccount() {
    String email = newEmail();
    JsonObject registered = verifiedAccount(email);
    google.signsIn(Account.verified(email));

    JsonObject me = platform.me(browser.tokens("google").getString("access_token")).bodyAsJsonObject();

    assertThat(me.getString("id")).isEqualTo(registered.getString("id"));
  }

  @Test
  void aLinkedVerifiedPasswordAccountStillLogsInWithItsPassword() {
    String email = newEmail();
    verifiedAccount(email);
    google.signsIn(Account.verified(email));
    browser.tokens("google");

    assertThat(platform.login(email, PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void anUnverifiedPasswordAccountWithTheVictimsEmailIsAConflictThatSaysWhatToDo() {
    String victim = newEmail();
    platform.newUser(victim);
    Account victimAtGoogle = Account.verified(victim);
    google.signsIn(victimAtGoogle);

    JsonObject problem = assertProblem(browser.login("google"), 409);

    assertThat(problem.getString("detail")).contains("not verified").contains("reset");
    assertThat(platform.identityLinks("google", victimAtGoogle.subject())).isZero();
  }

  @Test
  void theAttackersPasswordDoesNotOpenTheAccountTheVictimSignsIntoWithGoogle() {
    String victim = newEmail();
    platform.newUser(victim);
    google.signsIn(Account.verified(victim));
    assertProblem(browser.login("google"), 409);

    // The victim does what the conflict says: proves the mailbox with a reset link.
    platform.requestPasswordReset(victim);
    platform.confirmPasswordReset(INBOX.awaitMail(victim, Inbox.RESET_PAGE).token(), NEW_PASSWORD);
    String victimsAccount = platform.me(browser.tokens("google").getString("access_token")).bodyAsJsonObject()
        .getString("id");

    assertThat(victimsAccount).isEqualTo(platform.accountOf(victim).getString("id"));
    assertProblem(platform.login(victim, PASSWORD), 401);
  }
}
