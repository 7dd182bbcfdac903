package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.TestAccounts.PASSWORD;
import static com.runningtrainer.testsupport.TestAccounts.credentials;
import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/auth/register: who may open an account, and what they get back. A taken email is
 * in {@link TakenEmailTest}.
 */
class RegistrationTest {

  private static final String REGISTER = "/api/v1/auth/register";

  private static AuthPlatform platform;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(RegistrationTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void registerAnswersAcceptedWithTheEmailAndWhatToDoNext() {
    String email = newEmail();

    HttpResponse<Buffer> response = platform.register(credentials(email, PASSWORD));

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject()
        .put("email", email)
        .put("status", "verification_sent")
        .put("detail", "Check your mail to confirm your address."));
  }

  @Test
  void registerAnswersNeitherTheAccountNorWhereItIs() {
    HttpResponse<Buffer> response = platform.register(credentials(newEmail(), PASSWORD));

    assertThat(response.bodyAsJsonObject().fieldNames()).doesNotContain("id");
    assertThat(response.getHeader("Location")).isNull();
  }

  @Test
  void registerCreatesAnAthleteAccountThatLogsInAtOnce() {
    String email = newEmail();

    platform.register(credentials(email, PASSWORD).put("display_name", "Paula"));

    JsonObject user = platform.me(platform.tokenOf(email)).bodyAsJsonObject();
    assertThat(UUID.fromString(user.getString("id")).toString()).isEqualTo(user.getString("id"));
    assertThat(user.getString("email")).isEqualTo(email);
    assertThat(user.getString("display_name")).isEqualTo("Paula");
    assertThat(user.getJsonArray("roles")).isEqualTo(new JsonArray().add("athlete"));
  }

  @Test
  void anAccountRegisteredWithoutDisplayNameHasANullOne() {
    String email = newEmail();

    platform.register(credentials(email, PASSWORD));

    JsonObject user = platform.me(platform.tokenOf(email)).bodyAsJsonObject();
    assertThat(user.containsKey("display_name")).isTrue();
    assertThat(user.getValue("display_name")).isNull();
  }

  @Test
  void registerStoresTheEmailLowerCased() {
    String email = newEmail();

    HttpResponse<Buffer> response = platform.register(credentials(email.toUpperCase(Locale.ROOT), PASSWORD));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.bodyAsJsonObject().getString("email")).isEqualTo(email);
    assertThat(platform.accountsWith(email)).isEqualTo(1);
  }

  @Test
  void registerTrimsSpacesAroundTheEmail() {
    String email = newEmail();

    HttpResponse<Buffer> response = platform.register(credentials("  " + email + " ", PASSWORD));

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
    assertThat(response.bodyAsJsonObject().getString("email")).isEqualTo(email);
    assertThat(platform.accountsWith(email)).isEqualTo(1);
  }

  @Test
  void registerNeverAnswersThePasswordOrItsHash() {
    String email = newEmail();

    HttpResponse<Buffer> response = platform.register(credentials(email, PASSWORD));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.bodyAsJsonObject().fieldNames()).doesNotContain("password", "password_hash", "hash");
    assertThat(response.bodyAsString())
        .doesNotContain(PASSWORD)
        .doesNotContain("$argon2");
  }

  @Test
  void registerStoresAnArgon2idHashNotThePassword() {
    String email = newEmail();

    platform.register(credentials(email, PASSWORD));

    assertThat(platform.passwordHashOf(email))
        .startsWith("$argon2id$v=19$m=19456,t=2,p=1$")
        .doesNotContain(PASSWORD);
  }

  @Test
  void registerAcceptsAPasswordOfTenCharacters() {
    // Not ten times the same letter: "aaaaaaaaaa" is among the common passwords.
    HttpResponse<Buffer> response = platform.register(credentials(newEmail(), "tempo 7 km"));

    assertThat(response.statusCode()).isEqualTo(202);
  }

  @Test
  void registerRefusesACommonPasswordSayingWhyWithoutEchoingIt() {
    HttpResponse<Buffer> response = platform.register(credentials(newEmail(), "password123"));

    assertProblem(response, 400);
    assertThat(fieldsNamed(response)).containsExactly("password");
    assertThat(response.bodyAsJsonObject().getString("detail")).contains("too common");
    assertThat(response.bodyAsString()).doesNotContain("password123");
  }

  @Test
  void registerRefusesACommonPasswordWhateverItsCase() {
    HttpResponse<Buffer> response = platform.register(credentials(newEmail(), "PassWord123"));

    assertProblem(response, 400);
    assertThat(fieldsNamed(response)).containsExactly("password");
  }

  @Test
  void aRefusedCommonPasswordCreatesNoAccount() {
    String email = newEmail();

    platform.register(credentials(email, "qwertyuiop"));

    assertThat(platform.accountsWith(email)).isZero();
  }

  @Test
  void registerRefusesAPasswordShorterThanTenCharacters() {
    HttpResponse<Buffer> response = platform.register(credentials(newEmail(), "a".repeat(9)));

    assertProblem(response, 400);
    assertThat(fieldsNamed(response)).containsExactly("password");
  }

  @Test
  void registerAcceptsAPasswordOf128Characters() {
    HttpResponse<Buffer> response = platform.register(credentials(newEmail(), "a".repeat(128)));

    assertThat(response.statusCode()).isEqualTo(202);
  }

  @Test
  void registerRefusesAPasswordOf129Characters() {
    HttpResponse<Buffer> response = platform.register(credentials(newEmail(), "a".repeat(129)));

    assertProblem(response, 400);
    assertThat(fieldsNamed(response)).containsExactly("password");
  }

  @Test
  void registerRefusesAMalformedEmail() {
    HttpResponse<Buffer> response = platform.register(credentials("not-an-email", PASSWORD));

    assertProblem(response, 400);
    assertThat(fieldsNamed(response)).containsExactly("email");
  }

  @Test
  void registerRefusesAnEmptyDisplayName() {
    HttpResponse<Buffer> response = platform.register(credentials(newEmail(), PASSWORD).put("display_name", ""));

    assertProblem(response, 400);
    assertThat(fieldsNamed(response)).containsExactly("display_name");
  }

  @Test
  void registerRefusesADisplayNameLongerThan100Characters() {
    HttpResponse<Buffer> response = platform.register(credentials(newEmail(), PASSWORD).put("display_name", "x".repeat(101)));

    assertProblem(response, 400);
    assertThat(fieldsNamed(response)).containsExactly("display_name");
  }

  @Test
  void registerRefusesAMissingPasswordNamingIt() {
    HttpResponse<Buffer> response = platform.register(new JsonObject().put("email", newEmail()));

    assertProblem(response, 400);
    assertThat(fieldsNamed(response)).containsExactly("password");
  }

  @Test
  void registerRefusesAnUnknownFieldNamingIt() {
    HttpResponse<Buffer> response = platform.register(credentials(newEmail(), PASSWORD).put("roles", new JsonArray().add("admin")));

    assertProblem(response, 400);
    assertThat(fieldsNamed(response)).containsExactly("roles");
  }

  @Test
  void registerRefusesARequestWithoutBody() {
    HttpResponse<Buffer> response = platform.http.request(HttpMethod.POST, REGISTER, null).send().await();

    assertProblem(response, 400);
  }

  @Test
  void registerRefusesAnEmptyJsonBody() {
    HttpResponse<Buffer> response = platform.http.send(HttpMethod.POST, REGISTER, null, "application/json", "");

    assertProblem(response, 400);
  }

  @Test
  void registerRefusesABodyThatIsNotJson() {
    HttpResponse<Buffer> response = platform.http.send(HttpMethod.POST, REGISTER, null, "application/json", "{\"email\": ");

    assertProblem(response, 400);
  }

  @Test
  void registerRefusesAJsonNullBody() {
    HttpResponse<Buffer> response = platform.http.send(HttpMethod.POST, REGISTER, null, "application/json", "null");

    assertProblem(response, 400);
  }

  @Test
  void registerRefusesAJsonArrayBody() {
    HttpResponse<Buffer> response = platform.http.send(HttpMethod.POST, REGISTER, null, "application/json", "[]");

    assertProblem(response, 400);
  }

  @Test
  void registerRefusesAPlainTextBody() {
    String body = "email=" + newEmail() + "&password=" + PASSWORD;

    HttpResponse<Buffer> response = platform.http.send(HttpMethod.POST, REGISTER, null, "text/plain", body);

    assertThat(response.statusCode()).isIn(400, 415);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
  }

  private static void assertProblem(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail")).isNotBlank();
  }

  private static java.util.List<String> fieldsNamed(HttpResponse<Buffer> response) {
    JsonArray errors = response.bodyAsJsonObject().getJsonArray("errors", new JsonArray());
    return errors.stream().map(error -> ((JsonObject) error).getString("field")).toList();
  }
}
