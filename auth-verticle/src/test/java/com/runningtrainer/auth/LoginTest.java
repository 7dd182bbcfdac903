package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.ProblemAssert.withoutTraceId;
import static com.runningtrainer.testsupport.TestAccounts.PASSWORD;
import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /api/v1/auth/login: an access token for the right email and password, and nothing else. */
class LoginTest {

  private static AuthPlatform platform;
  private static String email;
  private static JsonObject user;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(LoginTest.class);
    email = newEmail();
    user = platform.newUser(email);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void loginAnswersABearerTokenForFifteenMinutes() {
    HttpResponse<Buffer> response = platform.login(email, PASSWORD);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    JsonObject answer = response.bodyAsJsonObject();
    assertThat(answer.getString("access_token")).isNotBlank();
    assertThat(answer.getString("token_type")).isEqualTo("Bearer");
    assertThat(answer.getValue("expires_in")).isEqualTo(900);
  }

  @Test
  void loginForbidsCachingTheToken() {
    HttpResponse<Buffer> response = platform.login(email, PASSWORD);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void loginTokenIsSignedRs256WithAPublishedKey() {
    Jwt token = Jwt.decode(platform.tokenOf(email));
    JsonArray keys = platform.http.get("/api/v1/auth/jwks.json", null).bodyAsJsonObject().getJsonArray("keys");
    List<String> publishedKids = new ArrayList<>();
    keys.forEach(key -> publishedKids.add(((JsonObject) key).getString("kid")));

    assertThat(token.header().getString("alg")).isEqualTo("RS256");
    assertThat(token.header().getString("kid")).isNotBlank().isIn(publishedKids);
    assertThat(token.signature()).isNotEmpty();
  }

  @Test
  void loginTokenIsTypedAsAnAccessToken() {
    Jwt token = Jwt.decode(platform.tokenOf(email));

    assertThat(token.header().getString("typ")).isEqualTo("at+jwt");
  }

  @Test
  void loginTokenNamesTheUserIssuerAndAudience() {
    JsonObject claims = Jwt.decode(platform.tokenOf(email)).payload();

    assertThat(claims.getString("sub")).isEqualTo(user.getString("id"));
    assertThat(claims.getString("iss")).isEqualTo("http://localhost:8004");
    assertThat(audiences(claims)).contains("running-trainer");
  }

  @Test
  void loginTokenExpiresFifteenMinutesAfterItIsIssued() {
    long before = System.currentTimeMillis() / 1000;
    JsonObject claims = Jwt.decode(platform.tokenOf(email)).payload();
    long after = System.currentTimeMillis() / 1000;

    assertThat(claims.getLong("iat")).isBetween(before, after);
    assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(900);
  }

  @Test
  void loginTokensHaveAUniqueId() {
    JsonObject first = Jwt.decode(platform.tokenOf(email)).payload();
    JsonObject second = Jwt.decode(platform.tokenOf(email)).payload();

    assertThat(first.getString("jti")).isNotBlank();
    assertThat(second.getString("jti")).isNotBlank().isNotEqualTo(first.getString("jti"));
  }

  @Test
  void loginTokenCarriesNoSecret() {
    String payload = Jwt.decode(platform.tokenOf(email)).payload().encode();

    assertThat(payload).doesNotContain(PASSWORD).doesNotContain("$argon2").doesNotContain("password");
  }

  @Test
  void loginMatchesTheEmailInAnyCase() {
    HttpResponse<Buffer> response = platform.login(email.toUpperCase(Locale.ROOT), PASSWORD);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Jwt.decode(response.bodyAsJsonObject().getString("access_token")).payload().getString("sub"))
        .isEqualTo(user.getString("id"));
  }

  @Test
  void loginIgnoresSpacesAroundTheEmail() {
    HttpResponse<Buffer> response = platform.login("  " + email + " ", PASSWORD);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void loginWithAWrongPasswordIsUnauthorized() {
    HttpResponse<Buffer> response = platform.login(email, PASSWORD + "!");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.bodyAsJsonObject().getInteger("status")).isEqualTo(401);
  }

  @Test
  void loginIsCaseSensitiveInThePassword() {
    HttpResponse<Buffer> response = platform.login(email, PASSWORD.toUpperCase(Locale.ROOT));

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void loginWithAnUnknownEmailIsUnauthorized() {
    HttpResponse<Buffer> response = platform.login(newEmail(), PASSWORD);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
  }

  @Test
  void loginAnswersTheSameForUnknownEmailAndWrongPassword() {
    HttpResponse<Buffer> unknownEmail = platform.login(newEmail(), PASSWORD);
    HttpResponse<Buffer> wrongPassword = platform.login(email, "not the password");

    assertThat(unknownEmail.statusCode()).isEqualTo(401);
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(withoutTraceId(unknownEmail)).isEqualTo(withoutTraceId(wrongPassword));
    assertThat(unknownEmail.getHeader("Content-Type")).isEqualTo(wrongPassword.getHeader("Content-Type"));
    assertThat(unknownEmail.getHeader("WWW-Authenticate")).isEqualTo(wrongPassword.getHeader("WWW-Authenticate"));
  }

  @Test
  void loginWithoutPasswordIsABadRequestNamingIt() {
    HttpResponse<Buffer> response = platform.http.post("/api/v1/auth/login", null, new JsonObject().put("email", email));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("password");
  }

  @Test
  void loginWithABodyThatIsNotJsonIsABadRequest() {
    HttpResponse<Buffer> response = platform.http.send(HttpMethod.POST, "/api/v1/auth/login", null, "application/json", "email=x");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
  }

  @Test
  void loginWithoutBodyIsABadRequest() {
    HttpResponse<Buffer> response = platform.http.request(HttpMethod.POST, "/api/v1/auth/login", null).send().await();

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
  }

  private static List<String> audiences(JsonObject claims) {
    Object aud = claims.getValue("aud");
    if (aud instanceof JsonArray array) {
      return array.stream().map(String::valueOf).toList();
    }
    return aud == null ? List.of() : List.of(String.valueOf(aud));
  }
}
