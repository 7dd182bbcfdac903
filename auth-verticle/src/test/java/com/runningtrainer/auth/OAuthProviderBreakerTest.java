package com.runningtrainer.auth;

import com.runningtrainer.testsupport.FakeStrava;
import static com.runningtrainer.auth.OAuthBrowser.parameter;
import static com.runningtrainer.auth.OAuthBrowser.withParameter;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.auth.FakeGoogle.Account;
import com.runningtrainer.testsupport.FakeStrava.Athlete;
import com.runningtrainer.testsupport.TestPorts;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each provider is called through a circuit breaker of its own: after five outages logins with
 * it answer 503 at once, without calling it, until the breaker lets a call probe again. Its
 * refusals (4xx) are answers, not outages: they never open the breaker. Each test has its own
 * auth, so its own breakers, with one API verticle and a timeout no busy machine reaches: every
 * call through the breaker is then one the test made, and only the outages it caused count.
 */
class OAuthProviderBreakerTest {

  private static final int OUTAGES_THAT_OPEN = 5;

  @Test
  void afterFiveGoogleOutagesALoginWithGoogleIsA503AtOnceWithoutAskingGoogle() {
    try (FakeGoogle google = FakeGoogle.start(); AuthPlatform platform = AuthPlatform.start(getClass(), google(google.issuer()))) {
      OAuthBrowser browser = new OAuthBrowser(platform);
      google.signsIn(Account.verified(newEmail()));
      browser.tokens("google");
      google.failsTokenRequests(503);
      for (int i = 0; i < OUTAGES_THAT_OPEN; i++) {
        assertProblem(browser.login("google"), 502);
      }

      HttpResponse<Buffer> response = browser.login("google");
      int asked = google.tokenRequests();
      HttpResponse<Buffer> again = browser.login("google");

      JsonObject problem = assertProblem(response, 503);
      assertThat(problem.getString("detail")).contains("google");
      assertThat(response.getHeader("Retry-After")).isEqualTo("30");
      assertProblem(again, 503);
      assertThat(google.tokenRequests()).isEqualTo(asked);
    }
  }

  @Test
  void googleRefusingCodesOverAndOverStillServesTheNextLogin() {
    try (FakeGoogle google = FakeGoogle.start(); AuthPlatform platform = AuthPlatform.start(getClass(), google(google.issuer()))) {
      OAuthBrowser browser = new OAuthBrowser(platform);
      google.signsIn(Account.verified(newEmail()));
      for (int i = 0; i < 2 * OUTAGES_THAT_OPEN; i++) {
        assertProblem(browser.open(withParameter(browser.callbackUrl("google"), "code", "4/0Aforged")), 401);
      }

      HttpResponse<Buffer> response = browser.login("google");

      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    }
  }

  @Test
  void afterFiveStravaOutagesALoginWithStravaIsA503() {
    try (AuthPlatform platform = AuthPlatform.start(getClass(), strava("http://127.0.0.1:" + TestPorts.free()))) {
      OAuthBrowser browser = new OAuthBrowser(platform);
      for (int i = 0; i < OUTAGES_THAT_OPEN; i++) {
        assertProblem(browser.open(stravaCallback(browser)), 502);
      }

      HttpResponse<Buffer> response = browser.open(stravaCallback(browser));

      assertProblem(response, 503);
      assertThat(response.getHeader("Retry-After")).isEqualTo("30");
    }
  }

  @Test
  void stravaRefusingCodesOverAndOverStillServesTheNextLogin() {
    try (FakeStrava strava = FakeStrava.start(); AuthPlatform platform = AuthPlatform.start(getClass(), strava(strava.baseUrl()))) {
      OAuthBrowser browser = new OAuthBrowser(platform);
      strava.signsIn(Athlete.next("Grete", "Waitz"));
      for (int i = 0; i < 2 * OUTAGES_THAT_OPEN; i++) {
        assertProblem(browser.open(withParameter(browser.callbackUrl("strava"), "code", "not-a-code")), 401);
      }

      HttpResponse<Buffer> response = browser.login("strava");

      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    }
  }

  /** Auth's callback as Strava would send the browser back to it, without Strava having been asked. */
  private static String stravaCallback(OAuthBrowser browser) {
    String authorization = browser.authorizationUrl("strava");
    return parameter(authorization, "redirect_uri") + "?state=" + parameter(authorization, "state") + "&code=a1b2c3";
  }

  private static Map<String, String> google(String issuer) {
    return Map.of(
        "GOOGLE_ISSUER", issuer,
        "GOOGLE_CLIENT_ID", FakeGoogle.CLIENT_ID,
        "GOOGLE_CLIENT_SECRET", FakeGoogle.CLIENT_SECRET,
        "OAUTH_TIMEOUT_MS", "10000",
        "AUTH_INSTANCES", "1");
  }

  private static Map<String, String> strava(String baseUrl) {
    return Map.of(
        "STRAVA_BASE_URL", baseUrl,
        "STRAVA_CLIENT_ID", FakeStrava.CLIENT_ID,
        "STRAVA_CLIENT_SECRET", FakeStrava.CLIENT_SECRET,
        "OAUTH_TIMEOUT_MS", "10000",
        "AUTH_INSTANCES", "1");
  }
}
