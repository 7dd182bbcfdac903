package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.TestAccounts;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A browser's session over HTTP: with {@code X-Session: cookie} the refresh token lives in an
 * HttpOnly, SameSite=Strict cookie of the refresh path, never in a body; API clients keep theirs.
 */
class BrowserSessionTest {

  private static final String REFRESH = "/api/v1/auth/refresh";
  private static AuthPlatform platform;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(BrowserSessionTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static HttpResponse<Buffer> browserLogin() {
    String email = TestAccounts.newEmail();
    platform.newUser(email);
    return platform.http.request(HttpMethod.POST, "/api/v1/auth/login", null).putHeader("X-Session", "cookie")
        .sendJsonObject(TestAccounts.credentials(email, TestAccounts.PASSWORD)).await();
  }

  private static String cookieValue(HttpResponse<Buffer> response) {
    String cookie = response.getHeader("Set-Cookie");
    return cookie.substring("rt_refresh=".length(), cookie.indexOf(';'));
  }

  private static HttpResponse<Buffer> browserRefresh(String cookie) {
    return platform.http.request(HttpMethod.POST, REFRESH, null).putHeader("X-Session", "cookie")
        .putHeader("Cookie", "rt_refresh=" + cookie).send().await();
  }

  @Test
  void aBrowserLoginSetsTheRefreshTokenAsAnHttpOnlyStrictCookieOfTheRefreshPath() {
    HttpResponse<Buffer> login = browserLogin();

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.getHeader("Set-Cookie")).startsWith("rt_refresh=")
        .contains("; Path=/api/v1/auth/refresh", "; HttpOnly", "; SameSite=Strict", "; Max-Age=2592000");
    assertThat(cookieValue(login)).hasSizeGreaterThanOrEqualTo(43);
  }

  @Test
  void aBrowserLoginAnswersNoRefreshTokenInItsBody() {
    JsonObject body = browserLogin().bodyAsJsonObject();

    assertThat(body.getString("access_token")).isNotBlank();
    assertThat(body.containsKey("refresh_token")).isFalse();
  }

  @Test
  void theCookieIsNotSecureWhenThePlatformIsServedOverHttpOnLocalhost() {
    assertThat(browserLogin().getHeader("Set-Cookie")).doesNotContain("Secure");
  }

  @Test
  void anApiClientLoginStillAnswersBothTokensInTheBodyAndSetsNoCookie() {
    String email = TestAccounts.newEmail();
    platform.newUser(email);

    HttpResponse<Buffer> login = platform.login(email, TestAccounts.PASSWORD);

    assertThat(login.bodyAsJsonObject().getString("refresh_token")).isNotBlank();
    assertThat(login.getHeader("Set-Cookie")).isNull();
  }

  @Test
  void theCookieWithTheHeaderRefreshesTheSessionAndIsRotated() {
    String first = cookieValue(browserLogin());

    HttpResponse<Buffer> refreshed = browserRefresh(first);

    assertThat(refreshed.statusCode()).isEqualTo(200);
    assertThat(cookieValue(refreshed)).isNotEqualTo(first);
    assertThat(refreshed.bodyAsJsonObject().containsKey("refresh_token")).isFalse();
    assertThat(platform.me(refreshed.bodyAsJsonObject().getString("access_token")).statusCode()).isEqualTo(200);
  }

  @Test
  void theCookieWithoutTheHeaderIsNotRead() {
    String cookie = cookieValue(browserLogin());

    HttpResponse<Buffer> refreshed = platform.http.request(HttpMethod.POST, REFRESH, null)
        .putHeader("Cookie", "rt_refresh=" + cookie).send().await();

    assertProblem(refreshed, 400);
    assertThat(browserRefresh(cookie).statusCode()).isEqualTo(200);
  }

  @Test
  void aBrowserRefreshWithoutACookieIsUnauthorized() {
    HttpResponse<Buffer> refreshed = platform.http.request(HttpMethod.POST, REFRESH, null)
        .putHeader("X-Session", "cookie").send().await();

    assertProblem(refreshed, 401);
  }

  @Test
  void anotherValueOfTheSessionHeaderIsABadRequest() {
    HttpResponse<Buffer> refreshed = platform.http.request(HttpMethod.POST, REFRESH, null)
        .putHeader("X-Session", "body").send().await();

    assertProblem(refreshed, 400);
  }

  @Test
  void logoutClearsTheCookieAndEndsTheSession() {
    HttpResponse<Buffer> login = browserLogin();
    String token = login.bodyAsJsonObject().getString("access_token");

    HttpResponse<Buffer> out = platform.http.request(HttpMethod.POST, "/api/v1/auth/logout", token).send().await();

    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(out.getHeader("Set-Cookie")).startsWith("rt_refresh=;").contains("Max-Age=0", "Path=/api/v1/auth/refresh");
    assertProblem(browserRefresh(cookieValue(login)), 401);
  }
}
