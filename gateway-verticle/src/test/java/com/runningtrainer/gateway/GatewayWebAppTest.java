package com.runningtrainer.gateway;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.TestHttp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web app as the gateway serves it: its page at {@code /}, its files by version, compressed, under a strict CSP. */
class GatewayWebAppTest {

  private static final Pattern MAIN_SCRIPT = Pattern.compile("src=\"(/app/([0-9a-f]+)/js/main\\.js)\"");
  private static GatewayPlatform platform;
  private static TestHttp gateway;

  @BeforeAll
  static void start() {
    platform = GatewayPlatform.start(GatewayWebAppTest.class, Map.of(), false);
    gateway = platform.gateway;
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static HttpResponse<Buffer> page() {
    return gateway.get("/", null);
  }

  private static Matcher mainScript() {
    Matcher script = MAIN_SCRIPT.matcher(page().bodyAsString());
    assertThat(script.find()).isTrue();
    return script;
  }

  @Test
  void thePageIsServedAtTheRootAsHtml() {
    HttpResponse<Buffer> page = page();

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("Content-Type")).startsWith("text/html");
    assertThat(page.bodyAsString()).contains("<main id=\"main\"");
  }

  @Test
  void thePageAndItsFilesCarryAStrictContentSecurityPolicy() {
    for (HttpResponse<Buffer> response : new HttpResponse[] {page(), gateway.get(mainScript().group(1), null)}) {
      assertThat(response.getHeader("Content-Security-Policy"))
          .contains("default-src 'none'", "script-src 'self';", "style-src 'self';", "frame-ancestors 'none'")
          .doesNotContain("unsafe-inline", "unsafe-eval");
      assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    }
  }

  @Test
  void thePageHasNoInlineScriptOrStyle() {
    String html = page().bodyAsString();

    assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("<style", "style=", " onclick=");
  }

  @Test
  void thePageIsRevalidatedByItsEtag() {
    HttpResponse<Buffer> first = page();

    HttpResponse<Buffer> again = gateway.request(HttpMethod.GET, "/", null).putHeader("If-None-Match", first.getHeader("ETag"))
        .send().await();

    assertThat(first.getHeader("Cache-Control")).isEqualTo("no-cache");
    assertThat(again.statusCode()).isEqualTo(304);
  }

  @Test
  void aFileOfTheCurrentVersionIsCachedForEver() {
    HttpResponse<Buffer> script = gateway.get(mainScript().group(1), null);

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.getHeader("Content-Type")).startsWith("text/javascript");
    assertThat(script.getHeader("Cache-Control")).contains("immutable", "max-age=31536000");
  }

  @Test
  void filesAreCompressedForAClientThatAcceptsIt() {
    HttpResponse<Buffer> script = gateway.request(HttpMethod.GET, mainScript().group(1), null)
        .putHeader("Accept-Encoding", "gzip").send().await();

    assertThat(script.getHeader("Content-Encoding")).isEqualTo("gzip");
  }

  @Test
  void aFileOfAnotherVersionIsNotFound() {
    String path = mainScript().group(1).replace(mainScript().group(2), "000000000000");

    assertProblem(gateway.get(path, null), 404);
  }

  @Test
  void aFileThatIsNotThereIsNotFound() {
    assertProblem(gateway.get("/app/" + mainScript().group(2) + "/js/nothing.js", null), 404);
    assertProblem(gateway.get("/app/" + mainScript().group(2) + "/../../pom.xml", null), 404);
  }

  @Test
  void theMailedVerificationLinkOpensTheApp() {
    HttpResponse<Buffer> page = gateway.get("/verify-email?token=abc", null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsString()).contains("/js/main.js");
  }

  @Test
  void theMailedPasswordResetLinkOpensTheApp() {
    HttpResponse<Buffer> page = gateway.get("/reset-password?token=abc", null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsString()).contains("/js/main.js");
  }

  @Test
  void theMailedCoachInvitationLinkOpensTheApp() {
    HttpResponse<Buffer> page = gateway.get("/coaching/invitations", null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsString()).contains("/js/main.js");
  }

  @Test
  void theMailedEmailChangeLinkOpensTheApp() {
    HttpResponse<Buffer> page = gateway.get("/confirm-email?token=abc", null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsString()).contains("/js/main.js");
  }

  @Test
  void stravasRedirectBackOpensTheApp() {
    HttpResponse<Buffer> page = gateway.get("/strava/connected?state=abc&code=def&scope=read", null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsString()).contains("/js/main.js");
    assertThat(page.getHeader("Content-Security-Policy")).contains("script-src 'self'");
  }

  @Test
  void theApiStillAnswersBesideTheApp() {
    assertProblem(gateway.get("/api/v1/auth/me", null), 401);
  }
}
