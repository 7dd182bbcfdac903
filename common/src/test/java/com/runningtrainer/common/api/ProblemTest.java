package com.runningtrainer.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The headers a problem carries, the same wherever it is answered. */
class ProblemTest {

  @Test
  void everyProblemIsTypedAsProblemJson() {
    assertThat(Problem.of(400, "bad").headers().getString("Content-Type")).isEqualTo("application/problem+json");
  }

  @Test
  void anUnauthorizedProblemAsksForABearerToken() {
    assertThat(Problem.of(401, "who?").headers().getString("WWW-Authenticate")).isEqualTo("Bearer");
  }

  @Test
  void anOutageSaysToRetryAfterFiveSeconds() {
    assertThat(Problem.of(503, "down").headers().getString("Retry-After")).isEqualTo("5");
  }

  @Test
  void aProblemGivenARetryDelaySaysItInRetryAfter() {
    Problem problem = Problem.of(429, "slow down").withRetryAfter(42);

    assertThat(problem.headers().getString("Retry-After")).isEqualTo("42");
  }

  @Test
  void aProblemWithoutRetryDelayHasNoRetryAfter() {
    Problem problem = Problem.of(429, "slow down").withRetryAfter(0);

    assertThat(problem.headers().containsKey("Retry-After")).isFalse();
    assertThat(problem.headers().containsKey("WWW-Authenticate")).isFalse();
  }

  @Test
  void theRetryDelayIsAHeaderNotPartOfTheBody() {
    JsonObject body = Problem.of(429, "slow down").withRetryAfter(42).toJson();

    assertThat(body.fieldNames()).containsExactlyInAnyOrder("type", "title", "status", "detail");
  }

  @Test
  void anEventBusAnswerCarriesTheProblemsHeaders() {
    Problem problem = Problem.of(429, "slow down").withRetryAfter(42);

    ApiResponse response = ApiResponse.problem(problem);

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.headers()).isEqualTo(problem.headers());
    assertThat(ApiResponse.fromJson(response.toJson()).headers().getString("Retry-After")).isEqualTo("42");
  }
}
