package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.TestAccounts;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The signing keys live in the database, not in the process: a new instance of the service on
 * the same database honours the tokens an earlier one issued and publishes the same keys.
 */
class KeysSurviveRestartTest {

  private static AuthPlatform platform;
  private static JsonObject user;
  private static String tokenBefore;
  private static JsonObject jwksBefore;

  @BeforeAll
  static void startIssueAndRestart() {
    platform = AuthPlatform.start(KeysSurviveRestartTest.class);
    String email = newEmail();
    user = platform.newUser(email);
    tokenBefore = platform.tokenOf(email);
    jwksBefore = platform.http.get("/api/v1/auth/jwks.json", null).bodyAsJsonObject();
    platform.restart();
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void aTokenIssuedBeforeARestartStillOpensTheAccount() {
    HttpResponse<Buffer> response = platform.me(tokenBefore);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("id")).isEqualTo(user.getString("id"));
  }

  @Test
  void theJwksAfterARestartIsTheSameAsBefore() {
    JsonObject jwksAfter = platform.http.get("/api/v1/auth/jwks.json", null).bodyAsJsonObject();

    assertThat(jwksAfter.getJsonArray("keys")).hasSize(1);
    assertThat(jwksAfter).isEqualTo(jwksBefore);
  }

  @Test
  void tokensIssuedAfterARestartAreSignedWithTheSameKey() {
    String kidBefore = Jwt.decode(tokenBefore).header().getString("kid");

    String tokenAfter = platform.tokenOf(user.getString("email"));

    assertThat(Jwt.decode(tokenAfter).header().getString("kid")).isEqualTo(kidBefore);
    assertThat(platform.storedSigningKey().kid()).isEqualTo(kidBefore);
  }

  @Test
  void accountsRegisteredBeforeARestartCanStillLogIn() {
    HttpResponse<Buffer> response = platform.login(user.getString("email"), TestAccounts.PASSWORD);

    assertThat(response.statusCode()).isEqualTo(200);
  }
}
