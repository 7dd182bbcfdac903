package com.runningtrainer.common.db;

import io.vertx.pgclient.PgException;

/** The PostgreSQL error codes (SQLSTATE) the services tell apart, named once. */
public final class SqlStates {

  public static final String UNIQUE_VIOLATION = "23505";
  public static final String CHECK_VIOLATION = "23514";
  public static final String FOREIGN_KEY_VIOLATION = "23503";
  public static final String NOT_NULL_VIOLATION = "23502";
  /** Class 23, integrity constraint violations. */
  public static final String INTEGRITY_CLASS = "23";
  public static final String NUMERIC_OUT_OF_RANGE = "22003";
  public static final String STRING_TOO_LONG = "22001";
  public static final String DATETIME_FORMAT = "22007";
  public static final String DATETIME_OUT_OF_RANGE = "22008";
  /** Invalid byte sequence for the encoding: a NUL in text, above all. */
  public static final String BAD_ENCODING = "22021";
  public static final String UNTRANSLATABLE_CHARACTER = "22P05";
  /** Class 22, data exceptions: a value the column or the cast cannot take. */
  public static final String DATA_EXCEPTION_CLASS = "22";

  private SqlStates() {
  }

  /** Whether PostgreSQL refused a row that would repeat a unique key: someone else made it first. */
  public static boolean isUniqueViolation(Throwable failure) {
    return failure instanceof PgException e && UNIQUE_VIOLATION.equals(e.getSqlState());
  }
}
