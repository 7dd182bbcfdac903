package com.runningtrainer.auth;

import static com.runningtrainer.auth.OAuthBrowser.parameter;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeStrava;
import com.runningtrainer.testsupport.FakeStrava.Athlete;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A login with a provider begun by the web app ({@code session=cookie}): the callback lands the
 * browser back in the app with the session cookie, or on its login page naming the failure, and
 * no token travels in a URL. The providers offered are the configured ones.
 */
class OAuthAppLoginTest {

  private static final String APP = "https://app.running-trainer.test";

  private static FakeStrava strava;
  private static AuthPlatform platform;
  private static OAuthBrowser browser;

  @BeforeAll
  static void start() {
    strava = FakeStrava.start();
    platform = AuthPlatform.start(OAuthAppLoginTest.class, Map.of(
        "PUBLIC_BASE_URL", APP + "/",
        "STRAVA_BASE_URL", strava.baseUrl(),
        "STRAVA_CLIENT_ID", FakeStrava.CLIENT_ID,
        "STRAVA_CLIENT_SECRET", FakeStrava.CLIENT_SECRET));
    browser = new OAuthBrowser(platform);
  }

  @AfterAll
  static void stop() {
    platform.close();
    strava.close();
  }

  /** The web app's login through Strava up to the callback's answer. */
  private static HttpResponse<Buffer> appLogin() {
    String authorization = browser.startFromTheApp("strava").getHeader("Location");
    return browser.open(browser.consent(authorization));
  }

  private static String cookieValue(HttpResponse<Buffer> response) {
    String cookie = response.getHeader("Set-Cookie");
    return cookie.substring("rt_refresh=".length(), cookie.indexOf(';'));
  }

  @Test
  void onlyTheConfiguredProvidersAreListed() {
    HttpResponse<Buffer> response = platform.http.get("/api/v1/auth/oauth/providers", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getJsonArray("providers").getList()).containsExactly("strava");
  }

  @Test
  void theAppsLoginLandsOnTheAppWithTheSessionCookieAndNoTokenInTheUrl() {
    strava.signsIn(Athlete.next("Joan", "Benoit"));

    HttpResponse<Buffer> landing = appLogin();

    assertThat(landing.statusCode()).isEqualTo(302);
    assertThat(landing.getHeader("Location")).isEqualTo(APP + "/");
    assertThat(landing.getHeader("Set-Cookie")).startsWith("rt_refresh=")
        .contains("; Path=/api/v1/auth/refresh", "; HttpOnly", "; SameSite=Strict", "; Secure");
    assertThat(landing.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(landing.bodyAsString()).isNullOrEmpty();
  }

  @Test
  void theLandingCookieOpensTheSessionAsABrowsersRefreshDoes() {
    strava.signsIn(Athlete.next("Grete", "Waitz"));
    String cookie = cookieValue(appLogin());

    HttpResponse<Buffer> refreshed = platform.http.request(HttpMethod.POST, "/api/v1/auth/refresh", null)
        .putHeader("X-Session", "cookie").putHeader("Cookie", "rt_refresh=" + cookie).send().await();

    assertThat(refreshed.statusCode()).isEqualTo(200);
    String accessToken = refreshed.bodyAsJsonObject().getString("access_token");
    assertThat(platform.me(accessToken).statusCode()).isEqualTo(200);
  }

  @Test
  void aLoginDeclinedAtTheProviderLandsOnTheAppsLoginPageWithItsStatus() {
    String authorization = browser.startFromTheApp("strava").getHeader("Location");
    String callback = parameter(authorization, "redirect_uri") + "?state=" + parameter(authorization, "state")
        + "&error=access_denied";

    HttpResponse<Buffer> landing = browser.open(callback);

    assertThat(landing.statusCode()).isEqualTo(302);
    assertThat(landing.getHeader("Location")).isEqualTo(APP + "/#/login/oauth-401");
    assertThat(landing.getHeader("Set-Cookie")).isNull();
  }

  @Test
  void anApiClientsLoginStillAnswersItsTokensAsJson() {
    strava.signsIn(Athlete.next("Paula", "Radcliffe"));

    JsonObject tokens = browser.tokens("strava");

    assertThat(tokens.getString("access_token")).isNotBlank();
    assertThat(tokens.getString("refresh_token")).isNotBlank();
  }

  @Test
  void aStateThatNamesNoAttemptIsAnsweredAsJsonWhateverTheStart() {
    String authorization = browser.startFromTheApp("strava").getHeader("Location");
    String forged = parameter(authorization, "redirect_uri") + "?state=forged&code=whatever";

    assertProblem(browser.open(forged), 400);
  }
}
