package com.runningtrainer.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.circuitbreaker.TimeoutException;
import io.vertx.core.VertxException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** What counts against a provider's breaker, read from failures as vertx-auth-oauth2 words them. */
class ProviderAnswersTest {

  @Test
  void anOAuthErrorAnswerIsAClientError() {
    assertThat(ProviderAnswers.isClientError(failure("invalid_grant: Bad Request"))).isTrue();
    assertThat(ProviderAnswers.isClientError(failure("invalid_client: The OAuth client was not found."))).isTrue();
    assertThat(ProviderAnswers.isClientError(failure("invalid_request"))).isTrue();
  }

  @Test
  void aFourHundredWithAnotherBodyIsAClientError() {
    assertThat(ProviderAnswers.isClientError(failure(
        "Bad Request: {\"message\":\"Bad Request\",\"errors\":[{\"resource\":\"AuthorizationCode\"}]}"))).isTrue();
    assertThat(ProviderAnswers.isClientError(failure("Unauthorized: {\"message\":\"Authorization Error\"}"))).isTrue();
    assertThat(ProviderAnswers.isClientError(failure("Bad Response [404] Not Found"))).isTrue();
  }

  @Test
  void serverErrorsAreOutages() {
    assertThat(ProviderAnswers.isClientError(failure("Service Unavailable: Service Unavailable"))).isFalse();
    assertThat(ProviderAnswers.isClientError(failure("Internal Server Error"))).isFalse();
    assertThat(ProviderAnswers.isClientError(failure("Bad Response [502] Bad Gateway"))).isFalse();
  }

  @Test
  void tooManyRequestsAndRequestTimeoutAreOutagesThoughFourHundreds() {
    assertThat(ProviderAnswers.isClientError(failure("Too Many Requests"))).isFalse();
    assertThat(ProviderAnswers.isClientError(failure("Request Timeout: slow down"))).isFalse();
    assertThat(ProviderAnswers.isClientError(failure("Bad Response [429] Too Many Requests"))).isFalse();
  }

  @Test
  void noAnswerAtAllIsAnOutage() {
    assertThat(ProviderAnswers.isClientError(new ConnectException("Connection refused"))).isFalse();
    assertThat(ProviderAnswers.isClientError(TimeoutException.INSTANCE)).isFalse();
    assertThat(ProviderAnswers.isClientError(failure("Cannot handle Content-Type: text/html"))).isFalse();
  }

  private static Throwable failure(String message) {
    return new VertxException(message, true);
  }
}
