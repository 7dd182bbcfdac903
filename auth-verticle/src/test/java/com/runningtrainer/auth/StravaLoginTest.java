package com.runningtrainer.auth;

import com.runningtrainer.testsupport.FakeStrava;
import static com.runningtrainer.auth.OAuthBrowser.parameter;
import static com.runningtrainer.auth.OAuthBrowser.withParameter;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeStrava.Athlete;
import com.runningtrainer.testsupport.TestAccounts;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Logging in with Strava (OAuth2 with Strava's ways: form-field client credentials, comma
 * scopes, the athlete in the token answer, no email), against a fake Strava.
 */
class StravaLoginTest {

  private static FakeStrava strava;
  private static FakeGoogle google;
  private static AuthPlatform platform;
  private static OAuthBrowser browser;

  @BeforeAll
  static void start() {
    strava = FakeStrava.start();
    google = FakeGoogle.start();
    platform = AuthPlatform.start(StravaLoginTest.class, Map.of(
        "STRAVA_BASE_URL", strava.baseUrl(),
        "STRAVA_CLIENT_ID", FakeStrava.CLIENT_ID,
        "STRAVA_CLIENT_SECRET", FakeStrava.CLIENT_SECRET,
        "GOOGLE_ISSUER", google.issuer(),
        "GOOGLE_CLIENT_ID", FakeGoogle.CLIENT_ID,
        "GOOGLE_CLIENT_SECRET", FakeGoogle.CLIENT_SECRET));
    browser = new OAuthBrowser(platform);
  }

  @AfterAll
  static void stop() {
    platform.close();
    strava.close();
    google.close();
  }

  @Test
  void startSendsTheBrowserToStravasAuthorizePageForOurClient() {
    HttpResponse<Buffer> response = browser.start("strava");

    assertThat(response.statusCode()).isEqualTo(302);
    String location = response.getHeader("Location");
    assertThat(location).startsWith(strava.baseUrl() + "/oauth/authorize?");
    assertThat(parameter(location, "client_id")).isEqualTo(FakeStrava.CLIENT_ID);
    assertThat(parameter(location, "response_type")).isEqualTo("code");
    assertThat(parameter(location, "redirect_uri"))
        .isEqualTo("http://127.0.0.1:" + platform.http.port() + "/api/v1/auth/oauth/strava/callback");
    assertThat(parameter(location, "scope")).isEqualTo("read");
    assertThat(parameter(location, "approval_prompt")).isEqualTo("auto");
    assertThat(parameter(location, "state")).matches("[A-Za-z0-9_-]{43}");
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void theApiAddressAnswersStartWithTheSameRedirectForTheGateway() {
    JsonObject request = new JsonObject()
        .put("operation_id", "oauthStart")
        .put("path", new JsonObject().put("provider", "strava"))
        .put("query", new JsonObject())
        .put("principal", new JsonObject())
        .put("request_id", "test-oauth-start");

    JsonObject response = platform.vertx.eventBus().<JsonObject>request("auth.api", request,
        new DeliveryOptions().setSendTimeout(3_000)).await().body();

    assertThat(response.getInteger("status")).isEqualTo(302);
    assertThat(response.getJsonObject("headers").getString("Location")).startsWith(strava.baseUrl() + "/oauth/authorize?");
    assertThat(response.getValue("body")).isNull();
  }

  @Test
  void aFirstLoginCreatesAnAccountForTheAthleteWithoutEmail() {
    strava.signsIn(Athlete.next("Kilian", "Jornet"));

    HttpResponse<Buffer> response = browser.login("strava");

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    JsonObject me = platform.me(response.bodyAsJsonObject().getString("access_token")).bodyAsJsonObject();
    assertThat(me.getString("id")).isNotBlank();
    assertThat(me.getString("display_name")).isEqualTo("Kilian Jornet");
    assertThat(me.getValue("email")).isNull();
  }

  @Test
  void aSecondLoginOfTheSameAthleteFindsTheSameAccount() {
    strava.signsIn(Athlete.next("Eliud", "Kipchoge"));
    String first = platform.me(browser.tokens("strava").getString("access_token")).bodyAsJsonObject().getString("id");

    String second = platform.me(browser.tokens("strava").getString("access_token")).bodyAsJsonObject().getString("id");

    assertThat(second).isNotBlank().isEqualTo(first);
  }

  @Test
  void twoAthletesOfTheSameNameHaveTwoAccounts() {
    strava.signsIn(Athlete.next("Anna", "Frost"));
    String first = platform.me(browser.tokens("strava").getString("access_token")).bodyAsJsonObject().getString("id");
    strava.signsIn(Athlete.next("Anna", "Frost"));

    String second = platform.me(browser.tokens("strava").getString("access_token")).bodyAsJsonObject().getString("id");

    assertThat(second).isNotBlank().isNotEqualTo(first);
  }

  @Test
  void theAthleteIdIsTheLinkedSubject() {
    Athlete athlete = Athlete.next("Courtney", "Dauwalter");
    strava.signsIn(athlete);

    browser.tokens("strava");

    assertThat(platform.identityLinks("strava", String.valueOf(athlete.id()))).isEqualTo(1);
  }

  @Test
  void theCodeIsRedeemedWithClientIdAndSecretAsFormFields() {
    strava.signsIn(Athlete.next("Paula", "Radcliffe"));
    String callback = browser.callbackUrl("strava");

    browser.open(callback);

    MultiMap form = strava.lastTokenForm();
    assertThat(form.get("client_id")).isEqualTo(FakeStrava.CLIENT_ID);
    assertThat(form.get("client_secret")).isEqualTo(FakeStrava.CLIENT_SECRET);
    assertThat(form.get("grant_type")).isEqualTo("authorization_code");
    assertThat(form.get("code")).isEqualTo(parameter(callback, "code"));
    assertThat(strava.lastTokenAuthorization()).isNull();
  }

  @Test
  void aForgedStateIsABadRequest() {
    strava.signsIn(Athlete.next("Haile", "Gebrselassie"));
    String callback = browser.callbackUrl("strava");

    HttpResponse<Buffer> response = browser.open(withParameter(callback, "state", "forged-by-an-attacker"));

    assertProblem(response, 400);
  }

  @Test
  void aStateFinishesOneLoginOnly() {
    strava.signsIn(Athlete.next("Joan", "Benoit"));
    String callback = browser.callbackUrl("strava");
    assertThat(browser.open(callback).statusCode()).isEqualTo(200);

    HttpResponse<Buffer> replayed = browser.open(callback);

    assertProblem(replayed, 400);
  }

  @Test
  void aCodeRedeemedBeforeIsRefusedWithTheStateOfANewLogin() {
    strava.signsIn(Athlete.next("Grete", "Waitz"));
    String used = browser.callbackUrl("strava");
    assertThat(browser.open(used).statusCode()).isEqualTo(200);
    String next = browser.callbackUrl("strava");

    HttpResponse<Buffer> response = browser.open(withParameter(next, "code", parameter(used, "code")));

    JsonObject problem = assertProblem(response, 401);
    assertThat(problem.getString("detail")).contains("authorization code");
  }

  @Test
  void aStateBegunWithGoogleCannotFinishAStravaLogin() {
    strava.signsIn(Athlete.next("Emil", "Zatopek"));
    String stravaCallback = browser.callbackUrl("strava");
    String googleState = parameter(browser.authorizationUrl("google"), "state");

    HttpResponse<Buffer> response = browser.open(withParameter(stravaCallback, "state", googleState));

    assertProblem(response, 400);
  }

  @Test
  void aLoginTheAthleteDeclinedAtStravaIsUnauthorized() {
    String authorization = browser.authorizationUrl("strava");
    String callback = parameter(authorization, "redirect_uri") + "?state=" + parameter(authorization, "state") + "&error=access_denied";

    HttpResponse<Buffer> response = browser.open(callback);

    assertProblem(response, 401);
  }

  @Test
  void aStravaAccountCannotBeFoundByAnEmailItNeverGave() {
    strava.signsIn(Athlete.next("Abebe", "Bikila"));
    browser.tokens("strava");

    HttpResponse<Buffer> response = platform.login(newEmail(), TestAccounts.PASSWORD);

    assertProblem(response, 401);
  }
}
