package com.runningtrainer.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.TestAccounts;
import com.runningtrainer.testsupport.TestHttp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A browser's session cookie through the gateway, forwarding over the event bus and over HTTP
 * alike: the login's {@code Set-Cookie} comes back to the browser, and the browser's
 * {@code Cookie} reaches auth's refresh; no other site's script may send the header that has it read.
 */
class GatewayBrowserSessionTest {

  private static GatewayPlatform platform;
  private static TestHttp overHttp;

  @BeforeAll
  static void start() {
    platform = GatewayPlatform.start(GatewayBrowserSessionTest.class, Map.of(), false);
    overHttp = platform.gateway(Map.of("AUTH_UPSTREAM", "http://127.0.0.1:" + platform.config.integer("AUTH_PORT", 0),
        "GATEWAY_SERVICES", "auth"));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  static Stream<String> forwarding() {
    return Stream.of("eventbus", "http");
  }

  private static TestHttp gateway(String forwarding) {
    return forwarding.equals("http") ? overHttp : platform.gateway;
  }

  private static String browserLogin(TestHttp gateway) {
    String email = TestAccounts.newEmail();
    new TestAccounts(platform.auth).register(email);
    HttpResponse<Buffer> login = gateway.request(HttpMethod.POST, "/api/v1/auth/login", null).putHeader("X-Session", "cookie")
        .sendJsonObject(TestAccounts.credentials(email, TestAccounts.PASSWORD)).await();
    assertThat(login.statusCode()).as(login.bodyAsString()).isEqualTo(200);
    return login.getHeader("Set-Cookie");
  }

  @ParameterizedTest
  @MethodSource("forwarding")
  void theLoginsCookieComesBackThroughTheGateway(String forwarding) {
    assertThat(browserLogin(gateway(forwarding))).startsWith("rt_refresh=").contains("HttpOnly", "SameSite=Strict");
  }

  @ParameterizedTest
  @MethodSource("forwarding")
  void theBrowsersCookieReachesTheRefreshThroughTheGateway(String forwarding) {
    TestHttp gateway = gateway(forwarding);
    String cookie = browserLogin(gateway);

    HttpResponse<Buffer> refreshed = gateway.request(HttpMethod.POST, "/api/v1/auth/refresh", null)
        .putHeader("X-Session", "cookie").putHeader("Cookie", cookie.substring(0, cookie.indexOf(';'))).send().await();

    assertThat(refreshed.statusCode()).as(refreshed.bodyAsString()).isEqualTo(200);
    assertThat(refreshed.getHeader("Set-Cookie")).startsWith("rt_refresh=").isNotEqualTo(cookie);
  }

  @Test
  void noOriginMayPreflightTheSessionHeaderEvenOneThatCorsAllows() {
    TestHttp withCors = platform.gateway(Map.of("CORS_ORIGINS", "https://app.example.com", "GATEWAY_SERVICES", "auth"));

    HttpResponse<Buffer> preflight = withCors.request(HttpMethod.OPTIONS, "/api/v1/auth/refresh", null)
        .putHeader("Origin", "https://app.example.com")
        .putHeader("Access-Control-Request-Method", "POST")
        .putHeader("Access-Control-Request-Headers", "X-Session")
        .send().await();

    assertThat(preflight.getHeader("Access-Control-Allow-Headers")).doesNotContainIgnoringCase("X-Session");
  }
}
