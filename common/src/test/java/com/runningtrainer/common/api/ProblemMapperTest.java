package com.runningtrainer.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemMapperTest {

  private static Problem map(Throwable failure) {
    return ProblemMapper.toProblem(failure, 500);
  }

  @Test
  void keepsTheStatusAndFieldsOfADeliberateFailure() {
    Problem problem = map(Failures.unprocessable("end_date", "must not be before start_date"));

    assertThat(problem.status()).isEqualTo(422);
    assertThat(problem.errors().getJsonObject(0).getString("field")).isEqualTo("end_date");
  }

  @Test
  void keepsTheRetryDelayOfATooManyRequestsFailure() {
    Problem problem = map(Failures.tooManyRequests(120));

    assertThat(problem.status()).isEqualTo(429);
    assertThat(problem.title()).isEqualTo("Too Many Requests");
    assertThat(problem.retryAfterSeconds()).isEqualTo(120);
  }

  @Test
  void roundsARetryDelayUnderOneSecondUpToOne() {
    assertThat(map(Failures.tooManyRequests(0)).retryAfterSeconds()).isEqualTo(1);
  }

  @Test
  void aDeliberateFailureWithoutRetryDelayHasNone() {
    assertThat(map(Failures.conflict("taken")).retryAfterSeconds()).isZero();
  }

  @Test
  void answersAnUnreachableDatabaseWith503() {
    assertThat(map(new ConnectException("Connection refused")).status()).isEqualTo(503);
    assertThat(map(ClosedConnectionException.INSTANCE).status()).isEqualTo(503);
    assertThat(map(new SocketException("Connection reset")).status()).isEqualTo(503);
    assertThat(map(new ClosedChannelException()).status()).isEqualTo(503);
    assertThat(map(new PgException("terminating connection", "FATAL", "57P01", null)).status()).isEqualTo(503);
  }

  @Test
  void answersADuplicateWith409AndABrokenRuleWith422() {
    assertThat(map(new PgException("duplicate", "ERROR", "23505", null)).status()).isEqualTo(409);
    assertThat(map(new PgException("check", "ERROR", "23514", null)).status()).isEqualTo(422);
  }

  /** A refusal of PostgreSQL's as it reports one: its own message, the table, column and constraint. */
  private static PgException refused(String state, String table, String column, String constraint) {
    return new PgException("new row for relation \"" + table + "\" violates check constraint \"" + constraint + "\"",
        "ERROR", state, null, null, null, null, null, null, null, null, null, "trainer", table, column, null, constraint);
  }

  @Test
  void namesTheFieldOfABrokenCheckInTheApisWordsNotTheConstraint() {
    Problem problem = map(refused("23514", "runs", null, "runs_average_pace_check"));

    assertThat(problem.status()).isEqualTo(422);
    assertThat(problem.errors().getJsonObject(0).getString("field")).isEqualTo("average_pace");
    assertThat(problem.toJson().encode()).doesNotContain("runs_").doesNotContain("constraint");
  }

  @Test
  void saysABrokenRuleNamedByHandWithoutItsName() {
    Problem problem = map(refused("23514", "training_plans", null, "training_plans_dates"));

    assertThat(problem.status()).isEqualTo(422);
    assertThat(problem.toJson().encode()).doesNotContain("training_plans").doesNotContain("relation");
  }

  @ParameterizedTest
  @ValueSource(strings = {"22001", "22007", "22008", "22021", "22P02", "22P05", "22023"})
  void answersAValueTheDatabaseCannotTakeWith400(String state) {
    Problem problem = map(refused(state, "runs", "notes", null));

    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.toJson().encode()).doesNotContain("relation");
  }

  @Test
  void answersAMissingRequiredColumnWith400NamingIt() {
    Problem problem = map(refused("23502", "runs", "actual_date", null));

    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.errors().getJsonObject(0).getString("field")).isEqualTo("actual_date");
  }

  @Test
  void answersAMissingServiceWith503AndASilentOneWith504() {
    assertThat(map(new ReplyException(ReplyFailure.NO_HANDLERS, "none")).status()).isEqualTo(503);
    assertThat(map(new ReplyException(ReplyFailure.TIMEOUT, "late")).status()).isEqualTo(504);
  }

  @Test
  void revealsNothingOfAnUnexpectedFailure() {
    Problem problem = map(new IllegalStateException("secret internals"));

    assertThat(problem.status()).isEqualTo(500);
    assertThat(problem.toJson().encode()).doesNotContain("secret");
  }

  @Test
  void answersTheHintedStatusWhenNothingFailed() {
    assertThat(ProblemMapper.toProblem(null, 404).status()).isEqualTo(404);
  }

  @Test
  void keepsTheClientErrorAHandlerRefusedWithWithoutItsMessage() {
    Problem problem = ProblemMapper.toProblem(new VertxException("CORS Rejected - Invalid origin"), 403);

    assertThat(problem.status()).isEqualTo(403);
    assertThat(problem.detail()).doesNotContain("CORS");
  }

  @Test
  void answers500ForAnUnknownFailureWithoutAClientErrorStatus() {
    assertThat(map(new VertxException("boom")).status()).isEqualTo(500);
  }
}
