package com.runningtrainer.common.api;

import com.runningtrainer.common.db.SqlStates;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;

/**
 * What a client's data made PostgreSQL refuse, said in the API's words: a rule of the schema that
 * a request slipped past the service's checks with (class 23, integrity), or a value the column
 * cannot hold (class 22, data). PostgreSQL's own message names tables and constraints, so it is
 * never repeated; a field is named when the schema says which one.
 */
final class DataProblems {

  private static final String CHECK_SUFFIX = "_check";
  private static final String FOREIGN_KEY_SUFFIX = "_fkey";

  private DataProblems() {
  }

  /** The problem, or null when the state is not one a client's data causes. */
  static Problem of(PgException e) {
    String state = e.getSqlState() == null ? "" : e.getSqlState();
    return switch (state) {
      case SqlStates.UNIQUE_VIOLATION -> Problem.of(409, "It already exists");
      case SqlStates.CHECK_VIOLATION -> field(422, column(e, CHECK_SUFFIX), "is outside the range allowed",
          "The values break a rule of the data");
      case SqlStates.FOREIGN_KEY_VIOLATION -> field(422, column(e, FOREIGN_KEY_SUFFIX), "names nothing that exists",
          "It refers to something that does not exist");
      case SqlStates.NOT_NULL_VIOLATION -> field(400, e.getColumn(), "is required", "A required value is missing");
      case SqlStates.NUMERIC_OUT_OF_RANGE -> Problem.of(422, "A number is out of the range allowed");
      case SqlStates.STRING_TOO_LONG -> Problem.of(400, "A text is longer than allowed");
      case SqlStates.DATETIME_FORMAT, SqlStates.DATETIME_OUT_OF_RANGE -> Problem.of(400, "A date or time is not valid");
      case SqlStates.BAD_ENCODING, SqlStates.UNTRANSLATABLE_CHARACTER ->
          Problem.of(400, "A text holds a character that cannot be stored, such as NUL (U+0000)");
      default -> state.startsWith(SqlStates.DATA_EXCEPTION_CLASS) ? Problem.of(400, "A value is not valid")
          : state.startsWith(SqlStates.INTEGRITY_CLASS) ? Problem.of(409, "The change conflicts with the data")
          : null;
    };
  }

  /**
   * The column of a constraint PostgreSQL named by default ({@code <table>_<column>_check}); the
   * API's fields are the columns' names. Null for a constraint named by hand.
   */
  private static String column(PgException e, String suffix) {
    String constraint = e.getConstraint();
    String prefix = e.getTable() + "_";
    if (constraint == null || e.getTable() == null || !constraint.startsWith(prefix) || !constraint.endsWith(suffix)
        || constraint.length() <= prefix.length() + suffix.length()) {
      return null;
    }
    return constraint.substring(prefix.length(), constraint.length() - suffix.length());
  }

  private static Problem field(int status, String field, String message, String withoutField) {
    if (field == null) {
      return Problem.of(status, withoutField);
    }
    return Problem.of(status, field + " " + message)
        .withErrors(new JsonArray().add(new JsonObject().put("field", field).put("message", message)));
  }
}
