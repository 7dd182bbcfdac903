package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.TestAccounts.PASSWORD;
import static com.runningtrainer.testsupport.TestAccounts.credentials;
import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The auth service on the event bus: its contract operations on {@code auth.api}, as the gateway
 * calls them, without the contract's validation in front (the service checks what it must).
 * Its directory, the only proxy other services use, is tested in {@link CoachContactTest}.
 */
class EventBusTest {

  private static final DeliveryOptions SHORT = new DeliveryOptions().setSendTimeout(3_000);

  private static AuthPlatform platform;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(EventBusTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void theApiAddressRegistersAndLogsIn() {
    String email = newEmail();

    JsonObject registered = call("register", credentials(email, PASSWORD), new JsonObject());
    JsonObject token = call("login", credentials(email, PASSWORD), new JsonObject());

    assertThat(registered.getInteger("status")).isEqualTo(202);
    assertThat(Jwt.decode(token.getJsonObject("body").getString("access_token")).payload().getString("sub"))
        .isEqualTo(platform.accountOf(email).getString("id"));
  }

  @Test
  void theApiAddressAnswersATakenEmailAsItAnswersANewOne() {
    String email = newEmail();
    JsonObject first = call("register", credentials(email, PASSWORD), new JsonObject());

    JsonObject again = call("register", credentials(email.toUpperCase(Locale.ROOT), "another password 42"), new JsonObject());

    assertThat(again.getJsonObject("body")).isEqualTo(first.getJsonObject("body"));
  }

  @Test
  void theApiAddressAnswersWrongCredentialsWith401() {
    String email = newEmail();
    call("register", credentials(email, PASSWORD), new JsonObject());

    assertThat(call("login", credentials(email, "not the password"), new JsonObject()).getInteger("status")).isEqualTo(401);
  }

  @Test
  void theApiAddressHoldsARegistrationToThePasswordLengthThatTheContractWouldCheck() {
    JsonObject response = call("register", credentials(newEmail(), "x7#kq2!mzp".repeat(13)), new JsonObject());

    assertThat(response.getInteger("status")).isEqualTo(400);
    assertThat(failedFields(response)).containsExactly("password");
  }

  @Test
  void theApiAddressRefusesACommonPasswordNamingTheField() {
    JsonObject response = call("register", credentials(newEmail(), "1234567890"), new JsonObject());

    assertThat(response.getInteger("status")).isEqualTo(400);
    assertThat(failedFields(response)).containsExactly("password");
  }

  @Test
  void theApiAddressAnswersAnUnknownPasswordResetTokenWith400() {
    JsonObject confirmation = new JsonObject().put("token", "no-such-token").put("password", "a brand new passphrase");

    assertThat(call("confirmPasswordReset", confirmation, new JsonObject()).getInteger("status")).isEqualTo(400);
  }

  @Test
  void theApiAddressAnswersLoginAsTheHttpOperationWould() {
    String email = newEmail();
    platform.newUser(email);

    JsonObject response = call("login", credentials(email, PASSWORD), new JsonObject());

    assertThat(response.getInteger("status")).isEqualTo(200);
    assertThat(response.getJsonObject("headers").getString("Cache-Control")).isEqualTo("no-store");
    assertThat(response.getJsonObject("body").getString("token_type")).isEqualTo("Bearer");
  }

  @Test
  void theApiAddressAnswersMeForTheVerifiedPrincipal() {
    JsonObject user = platform.newUser(newEmail());

    JsonObject response = call("me", null, new JsonObject().put("sub", user.getString("id")));

    assertThat(response.getInteger("status")).isEqualTo(200);
    assertThat(response.getJsonObject("body").getString("id")).isEqualTo(user.getString("id"));
  }

  @Test
  void theApiAddressAnswersAProblemForAnUnknownOperation() {
    JsonObject response = call("deleteEverything", null, new JsonObject());

    assertThat(response.getInteger("status")).isEqualTo(404);
    assertThat(response.getJsonObject("headers").getString("Content-Type")).isEqualTo("application/problem+json");
  }

  @Test
  void theApiAddressAnswersUnauthorizedForAPrincipalThatIsNotAUserId() {
    JsonObject response = call("me", null, new JsonObject().put("sub", "not-a-user-id"));

    assertThat(response.getInteger("status")).isEqualTo(401);
  }

  private static List<String> failedFields(JsonObject response) {
    return response.getJsonObject("body").getJsonArray("errors").stream()
        .map(e -> ((JsonObject) e).getString("field")).toList();
  }

  private static JsonObject call(String operationId, JsonObject body, JsonObject principal) {
    JsonObject request = new JsonObject()
        .put("operation_id", operationId)
        .put("path", new JsonObject())
        .put("query", new JsonObject())
        .put("body", body)
        .put("principal", principal)
        .put("request_id", "test-" + operationId);
    Message<JsonObject> reply = platform.vertx.eventBus().<JsonObject>request("auth.api", request, SHORT).await();
    return reply.body();
  }
}
