package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.TestAccounts.PASSWORD;
import static com.runningtrainer.testsupport.TestAccounts.credentials;
import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import io.vertx.serviceproxy.ServiceProxyBuilder;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The auth service on the event bus: its business API as a service proxy on {@code auth.service},
 * and its contract operations on {@code auth.api}, as the gateway calls them.
 */
class EventBusTest {

  private static final DeliveryOptions SHORT = new DeliveryOptions().setSendTimeout(3_000);

  private static AuthPlatform platform;
  private static AuthService proxy;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(EventBusTest.class);
    proxy = new ServiceProxyBuilder(platform.vertx).setAddress(AuthVerticle.SERVICE_ADDRESS).setOptions(SHORT)
        .build(AuthService.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void theProxyRegistersAndLogsIn() {
    String email = newEmail();

    JsonObject registered = proxy.register(credentials(email, PASSWORD), null).await();
    JsonObject token = proxy.login(credentials(email, PASSWORD), null).await();

    assertThat(registered.getString("email")).isEqualTo(email);
    assertThat(Jwt.decode(token.getString("access_token")).payload().getString("sub"))
        .isEqualTo(platform.accountOf(email).getString("id"));
  }

  @Test
  void theProxyAnswersATakenEmailAsItAnswersANewOne() {
    String email = newEmail();
    JsonObject first = proxy.register(credentials(email, PASSWORD), null).await();

    JsonObject again = proxy.register(credentials(email.toUpperCase(Locale.ROOT), "another password 42"), null).await();

    assertThat(again).isEqualTo(first);
  }

  @Test
  void theProxyFailsWrongCredentialsWithCode401() {
    String email = newEmail();
    proxy.register(credentials(email, PASSWORD), null).await();

    Throwable failure = catchThrowable(() -> proxy.login(credentials(email, "not the password"), null).await());

    assertThat(failure).isInstanceOf(ServiceException.class);
    assertThat(((ServiceException) failure).failureCode()).isEqualTo(401);
  }

  @Test
  void theProxyHoldsARegistrationToThePasswordLengthThatTheContractWouldCheck() {
    // The business API is reached without the contract's validation: the service checks itself.
    Throwable failure = catchThrowable(() -> proxy.register(credentials(newEmail(), "x7#kq2!mzp".repeat(13)), null).await());

    assertThat(failure).isInstanceOf(ServiceException.class);
    assertThat(((ServiceException) failure).failureCode()).isEqualTo(400);
    assertThat(failedFields((ServiceException) failure)).containsExactly("password");
  }

  @Test
  void theProxyRefusesACommonPasswordNamingTheField() {
    Throwable failure = catchThrowable(() -> proxy.register(credentials(newEmail(), "1234567890"), null).await());

    assertThat(failure).isInstanceOf(ServiceException.class);
    assertThat(((ServiceException) failure).failureCode()).isEqualTo(400);
    assertThat(failedFields((ServiceException) failure)).containsExactly("password");
  }

  @Test
  void theProxyFailsALoginWithAProviderThatIsNotConfiguredWithCode404() {
    Throwable failure = catchThrowable(() -> proxy.oauthStart("google").await());

    assertThat(failure).isInstanceOf(ServiceException.class);
    assertThat(((ServiceException) failure).failureCode()).isEqualTo(404);
  }

  @Test
  void theProxyFailsAnUnknownPasswordResetTokenWithCode400() {
    JsonObject confirmation = new JsonObject().put("token", "no-such-token").put("password", "a brand new passphrase");

    Throwable failure = catchThrowable(() -> proxy.confirmPasswordReset(confirmation).await());

    assertThat(failure).isInstanceOf(ServiceException.class);
    assertThat(((ServiceException) failure).failureCode()).isEqualTo(400);
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

  private static java.util.List<String> failedFields(ServiceException failure) {
    return failure.getDebugInfo().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")).toList();
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
