package com.runningtrainer.auth;

import static com.runningtrainer.auth.OAuthBrowser.parameter;
import static com.runningtrainer.auth.OAuthBrowser.withParameter;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static com.runningtrainer.testsupport.TestAccounts.PASSWORD;
import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.auth.FakeGoogle.Account;
import com.runningtrainer.auth.token.SigningKey;
import com.runningtrainer.testsupport.TestAccounts;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Logging in with Google (OpenID Connect: PKCE S256, state and nonce, an ID token verified
 * against Google's published keys), against a fake Google that speaks the protocol; and which
 * password account it may join: only one whose owner proved the address, so that whoever
 * registered someone else's address first (account pre-hijacking) never shares the account its
 * owner later signs into with Google.
 */
class GoogleLoginTest {

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
        "GOOGLE_CLIENT_SECRET", FakeGoogle.CLIENT_SECRET,
        "OAUTH_TIMEOUT_MS", "1000"));
    platform = AuthPlatform.start(GoogleLoginTest.class, settings);
    browser = new OAuthBrowser(platform);
  }

  @AfterEach
  void googleBehavesAgain() {
    google.behaves();
  }

  @AfterAll
  static void stop() {
    platform.close();
    google.close();
  }

  @Test
  void startSendsTheBrowserToGooglesAuthorizationEndpointForOurClient() {
    HttpResponse<Buffer> response = browser.start("google");

    assertThat(response.statusCode()).isEqualTo(302);
    String location = response.getHeader("Location");
    assertThat(location).startsWith(google.issuer() + "/o/oauth2/v2/auth?");
    assertThat(parameter(location, "client_id")).isEqualTo(FakeGoogle.CLIENT_ID);
    assertThat(parameter(location, "response_type")).isEqualTo("code");
    assertThat(parameter(location, "redirect_uri"))
        .isEqualTo("http://127.0.0.1:" + platform.http.port() + "/api/v1/auth/oauth/google/callback");
    assertThat(parameter(location, "scope").split(" ")).contains("openid", "email");
  }

  @Test
  void startForbidsCachingTheRedirect() {
    HttpResponse<Buffer> response = browser.start("google");

    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void startAsksForPkceS256WithAStateAndANonce() {
    String location = browser.authorizationUrl("google");

    assertThat(parameter(location, "code_challenge_method")).isEqualTo("S256");
    assertThat(parameter(location, "code_challenge")).matches("[A-Za-z0-9_-]{43}");
    assertThat(parameter(location, "state")).matches("[A-Za-z0-9_-]{43}");
    assertThat(parameter(location, "nonce")).matches("[A-Za-z0-9_-]{43}");
  }

  @Test
  void everyStartHasAStateANonceAndAChallengeOfItsOwn() {
    String first = browser.authorizationUrl("google");
    String second = browser.authorizationUrl("google");

    assertThat(parameter(second, "state")).isNotEqualTo(parameter(first, "state"));
    assertThat(parameter(second, "nonce")).isNotEqualTo(parameter(first, "nonce"));
    assertThat(parameter(second, "code_challenge")).isNotEqualTo(parameter(first, "code_challenge"));
  }

  @Test
  void aFirstLoginAnswersTokensAsLoginDoes() {
    google.signsIn(Account.verified(newEmail()));

    HttpResponse<Buffer> response = browser.login("google");

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    JsonObject tokens = response.bodyAsJsonObject();
    assertThat(tokens.getString("access_token")).isNotBlank();
    assertThat(tokens.getString("token_type")).isEqualTo("Bearer");
    assertThat(tokens.getValue("expires_in")).isEqualTo(900);
    assertThat(tokens.getString("refresh_token")).isNotBlank();
  }

  @Test
  void aFirstLoginCreatesAnAccountWithTheVerifiedEmailAndName() {
    String email = newEmail();
    Account ann = Account.verified(email);
    google.signsIn(ann);

    JsonObject me = platform.me(browser.tokens("google").getString("access_token")).bodyAsJsonObject();

    assertThat(me.getString("email")).isEqualTo(email);
    assertThat(me.getString("display_name")).isEqualTo("Ann Runner");
    assertThat(platform.identityLinks("google", ann.subject())).isEqualTo(1);
  }

  @Test
  void aSecondLoginFindsTheSameAccount() {
    google.signsIn(Account.verified(newEmail()));
    String first = platform.me(browser.tokens("google").getString("access_token")).bodyAsJsonObject().getString("id");

    String second = platform.me(browser.tokens("google").getString("access_token")).bodyAsJsonObject().getString("id");

    assertThat(second).isNotBlank().isEqualTo(first);
  }

  @Test
  void theRefreshTokenOfAGoogleLoginRefreshes() {
    google.signsIn(Account.verified(newEmail()));
    String refreshToken = browser.tokens("google").getString("refresh_token");

    HttpResponse<Buffer> response = platform.refresh(refreshToken);

    assertThat(response.statusCode()).isEqualTo(200);
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

  @Test
  void anUnverifiedEmailOfAPasswordAccountIsAConflictAndLinksNothing() {
    String email = newEmail();
    platform.newUser(email);
    Account impostor = Account.unverified(email);
    google.signsIn(impostor);

    HttpResponse<Buffer> response = browser.login("google");

    JsonObject problem = assertProblem(response, 409);
    assertThat(problem.getString("detail")).contains("verified");
    assertThat(platform.identityLinks("google", impostor.subject())).isZero();
  }

  @Test
  void anUnverifiedEmailOfNoAccountMakesAnAccountWithoutThatEmail() {
    String email = newEmail();
    google.signsIn(Account.unverified(email));

    JsonObject me = platform.me(browser.tokens("google").getString("access_token")).bodyAsJsonObject();

    assertThat(me.getString("id")).isNotBlank();
    assertThat(me.getValue("email")).isNull();
    assertThat(platform.register(TestAccounts.credentials(email, PASSWORD)).statusCode()).isEqualTo(202);
    assertThat(platform.login(email, PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void anAccountMadeByGoogleHasNoPasswordToLogInWith() {
    String email = newEmail();
    google.signsIn(Account.verified(email));
    browser.tokens("google");
    String unknownEmailDetail = platform.login(newEmail(), PASSWORD).bodyAsJsonObject().getString("detail");

    HttpResponse<Buffer> response = platform.login(email, PASSWORD);

    assertThat(platform.passwordHashOf(email)).isNull();
    JsonObject problem = assertProblem(response, 401);
    assertThat(problem.getString("detail")).isEqualTo(unknownEmailDetail);
  }

  @Test
  void aForgedStateIsABadRequest() {
    google.signsIn(Account.verified(newEmail()));
    String callback = browser.callbackUrl("google");

    HttpResponse<Buffer> response = browser.open(withParameter(callback, "state", "forged-by-an-attacker"));

    assertProblem(response, 400);
  }

  @Test
  void aCallbackWithoutStateIsABadRequest() {
    google.signsIn(Account.verified(newEmail()));
    String callback = browser.callbackUrl("google");

    HttpResponse<Buffer> response = browser.open(callback.replaceFirst("state=[^&]*&?", ""));

    assertProblem(response, 400);
  }

  @Test
  void aStateFinishesOneLoginOnly() {
    google.signsIn(Account.verified(newEmail()));
    String callback = browser.callbackUrl("google");
    assertThat(browser.open(callback).statusCode()).isEqualTo(200);

    HttpResponse<Buffer> replayed = browser.open(callback);

    assertProblem(replayed, 400);
  }

  @Test
  void aCodeRedeemedBeforeIsRefusedWithTheStateOfANewLogin() {
    google.signsIn(Account.verified(newEmail()));
    String used = browser.callbackUrl("google");
    assertThat(browser.open(used).statusCode()).isEqualTo(200);
    String next = browser.callbackUrl("google");

    HttpResponse<Buffer> response = browser.open(withParameter(next, "code", parameter(used, "code")));

    assertProblem(response, 401);
  }

  @Test
  void aCodeIsRedeemedOnlyWithThePkceVerifierOfItsOwnLogin() {
    google.signsIn(Account.verified(newEmail()));
    String stolen = browser.callbackUrl("google");
    String attackers = browser.callbackUrl("google");

    HttpResponse<Buffer> response = browser.open(withParameter(attackers, "code", parameter(stolen, "code")));

    assertProblem(response, 401);
  }

  @Test
  void aLoginTheUserDeclinedAtGoogleIsUnauthorized() {
    String authorization = browser.authorizationUrl("google");
    String callback = parameter(authorization, "redirect_uri") + "?error=access_denied&state=" + parameter(authorization, "state");

    HttpResponse<Buffer> response = browser.open(callback);

    JsonObject problem = assertProblem(response, 401);
    assertThat(problem.getString("detail")).contains("access_denied");
  }

  @Test
  void anIdTokenForAnotherAudienceIsUnauthorized() {
    Account ann = Account.verified(newEmail());
    google.signsIn(ann);
    google.changesIdTokens(claims -> claims.put("aud", "another-client.apps.googleusercontent.test"));

    HttpResponse<Buffer> response = browser.login("google");

    assertProblem(response, 401);
    assertThat(platform.identityLinks("google", ann.subject())).isZero();
  }

  @Test
  void anIdTokenWithoutAudienceIsUnauthorized() {
    google.signsIn(Account.verified(newEmail()));
    google.changesIdTokens(claims -> {
      claims.remove("aud");
      claims.remove("azp");
      return claims;
    });

    HttpResponse<Buffer> response = browser.login("google");

    assertProblem(response, 401);
  }

  @Test
  void anIdTokenWithTheNonceOfAnotherLoginIsUnauthorized() {
    Account ann = Account.verified(newEmail());
    google.signsIn(ann);
    google.changesIdTokens(claims -> claims.put("nonce", "the-nonce-of-another-login"));

    HttpResponse<Buffer> response = browser.login("google");

    JsonObject problem = assertProblem(response, 401);
    assertThat(problem.getString("detail")).contains("nonce");
    assertThat(platform.identityLinks("google", ann.subject())).isZero();
  }

  @Test
  void anIdTokenFromAnotherIssuerIsUnauthorized() {
    google.signsIn(Account.verified(newEmail()));
    google.changesIdTokens(claims -> claims.put("iss", "https://issuer.example.org"));

    HttpResponse<Buffer> response = browser.login("google");

    assertProblem(response, 401);
  }

  @Test
  void anExpiredIdTokenIsUnauthorized() {
    google.signsIn(Account.verified(newEmail()));
    long now = System.currentTimeMillis() / 1000;
    google.changesIdTokens(claims -> claims.put("iat", now - 7200).put("exp", now - 3600));

    HttpResponse<Buffer> response = browser.login("google");

    JsonObject problem = assertProblem(response, 401);
    assertThat(problem.getString("detail")).contains("expired");
  }

  @Test
  void anIdTokenSignedByAnotherKeyUnderGooglesKeyIdIsUnauthorized() {
    Account ann = Account.verified(newEmail());
    google.signsIn(ann);
    google.forgesIdTokenSignatures();

    HttpResponse<Buffer> response = browser.login("google");

    assertProblem(response, 401);
    assertThat(platform.identityLinks("google", ann.subject())).isZero();
  }

  @Test
  void anIdTokenSignedByAKeyGoogleDoesNotPublishIsUnauthorized() {
    google.signsIn(Account.verified(newEmail()));
    google.signsIdTokensWith(SigningKey.generate());

    HttpResponse<Buffer> response = browser.login("google");

    assertProblem(response, 401);
  }

  @Test
  void aGoogleTokenEndpointOutageIsABadGateway() {
    google.signsIn(Account.verified(newEmail()));
    google.failsTokenRequests(503);

    HttpResponse<Buffer> response = browser.login("google");

    assertProblem(response, 502);
  }

  @Test
  void aGoogleTokenEndpointTooSlowToAnswerIsABadGatewayWithinTheTimeout() {
    google.signsIn(Account.verified(newEmail()));
    String callback = browser.callbackUrl("google");
    google.delaysTokenRequests(4_000);
    long started = System.nanoTime();

    HttpResponse<Buffer> response = browser.open(callback);

    assertProblem(response, 502);
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3_000);
  }

  @Test
  void aLoginWithAProviderThatIsNotConfiguredIsNotFound() {
    HttpResponse<Buffer> response = browser.start("strava");

    JsonObject problem = assertProblem(response, 404);
    assertThat(problem.getString("detail")).contains("not configured");
  }

  @Test
  void aLoginWithAnUnknownProviderIsNotFound() {
    HttpResponse<Buffer> response = browser.start("myspace");

    JsonObject problem = assertProblem(response, 404);
    assertThat(problem.getString("detail")).contains("myspace");
  }
}
