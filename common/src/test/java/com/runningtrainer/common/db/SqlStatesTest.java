package com.runningtrainer.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

/** A unique violation is told by its SQLSTATE alone, whatever PostgreSQL's wording. */
class SqlStatesTest {

  @Test
  void aDuplicateKeyIsAUniqueViolation() {
    assertThat(SqlStates.isUniqueViolation(new PgException("duplicate key", "ERROR", "23505", null))).isTrue();
  }

  @Test
  void anotherDatabaseErrorIsNot() {
    assertThat(SqlStates.isUniqueViolation(new PgException("violates check", "ERROR", "23514", null))).isFalse();
    assertThat(SqlStates.isUniqueViolation(new PgException("no state", "ERROR", null, null))).isFalse();
  }

  @Test
  void aFailureOutsideTheDatabaseIsNot() {
    assertThat(SqlStates.isUniqueViolation(new IllegalStateException("23505"))).isFalse();
    assertThat(SqlStates.isUniqueViolation(null)).isFalse();
  }
}
