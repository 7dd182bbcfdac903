package com.runningtrainer.common.db;

import io.vertx.pgclient.PgException;

/** The PostgreSQL error codes (SQLSTATE) the services tell apart, named once. */
public final class SqlStates {

  public static final String UNIQUE_VIOLATION = "23505";
  public static final String CHECK_VIOLATION = "23514";
  public static final String FOREIGN_KEY_VIOLATION = "23503";
  public static final String NUMERIC_OUT_OF_RANGE = "22003";

  private SqlStates() {
  }

  /** Whether PostgreSQL refused a row that would repeat a unique key: someone else made it first. */
  public static boolean isUniqueViolation(Throwable failure) {
    return failure instanceof PgException e && UNIQUE_VIOLATION.equals(e.getSqlState());
  }
}
