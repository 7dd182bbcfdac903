package com.runningtrainer.auth;

import com.runningtrainer.testsupport.FakeStrava;
import static com.runningtrainer.auth.OAuthBrowser.parameter;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.auth.FakeGoogle.Account;
import com.runningtrainer.testsupport.TestAccounts;
import com.runningtrainer.testsupport.TestPorts;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Providers that cannot be reached: auth starts and serves all else, and logins with them answer 502. */
class OAuthProviderOutageTest {

  private static AuthPlatform platform;
  private static OAuthBrowser browser;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(OAuthProviderOutageTest.class, providersDownAt(TestPorts.free(), TestPorts.free()));
    browser = new OAuthBrowser(platform);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void authStartsAndServesPasswordLoginsWhileItsProvidersAreDown() {
    String email = newEmail();
    platform.newUser(email);

    HttpResponse<Buffer> response = platform.login(email, TestAccounts.PASSWORD);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void aGoogleLoginWhileGoogleCannotBeReachedIsABadGateway() {
    HttpResponse<Buffer> response = browser.start("google");

    assertProblem(response, 502);
  }

  @Test
  void aStravaLoginWhileStravaCannotBeReachedIsABadGateway() {
    String authorization = browser.authorizationUrl("strava");
    String callback = parameter(authorization, "redirect_uri") + "?state=" + parameter(authorization, "state") + "&code=a1b2c3";

    HttpResponse<Buffer> response = browser.open(callback);

    assertProblem(response, 502);
  }

  @Test
  void aGoogleLoginWorksOnceGoogleIsBack() {
    int googlePort = TestPorts.free();
    try (AuthPlatform own = AuthPlatform.start(OAuthProviderOutageTest.class, providersDownAt(googlePort, TestPorts.free()))) {
      OAuthBrowser ownBrowser = new OAuthBrowser(own);
      assertProblem(ownBrowser.start("google"), 502);

      try (FakeGoogle google = FakeGoogle.start(googlePort)) {
        google.signsIn(Account.verified(newEmail()));

        HttpResponse<Buffer> response = ownBrowser.login("google");

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
      }
    }
  }

  private static Map<String, String> providersDownAt(int googlePort, int stravaPort) {
    return Map.of(
        "GOOGLE_ISSUER", "http://127.0.0.1:" + googlePort,
        "GOOGLE_CLIENT_ID", FakeGoogle.CLIENT_ID,
        "GOOGLE_CLIENT_SECRET", FakeGoogle.CLIENT_SECRET,
        "STRAVA_BASE_URL", "http://127.0.0.1:" + stravaPort,
        "STRAVA_CLIENT_ID", FakeStrava.CLIENT_ID,
        "STRAVA_CLIENT_SECRET", FakeStrava.CLIENT_SECRET,
        "OAUTH_TIMEOUT_MS", "1000");
  }
}
