package com.runningtrainer.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.api.ApiRequest;
import com.runningtrainer.common.config.Config;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the session cookie is Secure: everywhere but a platform served over plain http on this machine. */
class BrowserSessionsTest {

  private static String cookieFor(String publicBaseUrl) {
    BrowserSessions sessions = BrowserSessions.from(Config.of(Map.of("PUBLIC_BASE_URL", publicBaseUrl)), "http://localhost:8000");
    ApiRequest browser = new ApiRequest("login", new JsonObject(), new JsonObject(), null, new JsonObject(),
        new JsonObject(), "r", new JsonObject().put("X-Session", "cookie"));
    return sessions.tokens(browser, new JsonObject().put("refresh_token", "t")).headers().getString("Set-Cookie");
  }

  @Test
  void anHttpsPublicAddressMakesTheCookieSecure() {
    assertThat(cookieFor("https://trainer.example.com")).endsWith("; Secure");
  }

  @Test
  void plainHttpOnAnotherHostStillMakesItSecure() {
    assertThat(cookieFor("http://trainer.example.com")).endsWith("; Secure");
  }

  @Test
  void plainHttpOnLocalhostLeavesItWithoutSecure() {
    assertThat(cookieFor("http://localhost:8000")).doesNotContain("Secure");
    assertThat(cookieFor("http://127.0.0.1:8000")).doesNotContain("Secure");
  }
}
