package com.runningtrainer.common.api;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Reads typed values out of validated input. The contract has checked shapes already; these
 * catch what a JSON schema cannot, like the 30th of February, and answer 400 naming the field.
 */
public final class Inputs {

  /**
   * The dates a training diary can hold. Beyond them a year is a typo (0000, 20266), and year 0
   * or one of five digits would not even be written back as YYYY-MM-DD.
   */
  public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
  public static final LocalDate LAST_DATE = LocalDate.of(2200, 12, 31);

  private Inputs() {
  }

  public static LocalDate date(JsonObject json, String field) {
    String value = json.getString(field);
    if (value == null) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw Failures.invalid(field, "must be a date as YYYY-MM-DD");
    }
    if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
      throw Failures.invalid(field, "must be a date between " + FIRST_DATE + " and " + LAST_DATE);
    }
    return date;
  }

  /** A JSON number as an exact decimal, so that 0.1 km stays 0.1 km. */
  public static BigDecimal decimal(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number number)) {
      throw Failures.invalid(field, "must be a number");
    }
    return new BigDecimal(number.toString());
  }

  /** The caller's user id, from a verified token's subject; 401 when it is not one of ours. */
  public static UUID caller(String subject) {
    try {
      return UUID.fromString(subject);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw Failures.unauthorized("the token names no user");
    }
  }

  public static UUID uuid(JsonObject json, String field) {
    String value = json.getString(field);
    return value == null ? null : uuid(field, value);
  }

  public static UUID uuid(String field, String value) {
    try {
      UUID id = UUID.fromString(value);
      if (!id.toString().equalsIgnoreCase(value)) {
        throw new IllegalArgumentException(value);
      }
      return id;
    } catch (IllegalArgumentException e) {
      throw Failures.invalid(field, "must be a UUID");
    }
  }
}
