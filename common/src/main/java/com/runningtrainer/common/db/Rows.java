package com.runningtrainer.common.db;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.data.Numeric;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Function;

/** Column values in the API's JSON forms: ISO dates, UTC timestamps, plain numbers. */
public final class Rows {

  private static final DateTimeFormatter UTC = DateTimeFormatter.ISO_INSTANT;

  private Rows() {
  }

  public static String uuid(Row row, String column) {
    UUID value = row.getUUID(column);
    return value == null ? null : value.toString();
  }

  public static String date(Row row, String column) {
    LocalDate value = row.getLocalDate(column);
    return value == null ? null : value.toString();
  }

  public static String timestamp(Row row, String column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : UTC.format(value.toInstant());
  }

  /** A NUMERIC or integer column as a JSON number; null stays null. */
  public static Number number(Row row, String column) {
    Object value = row.getValue(column);
    if (value == null) {
      return null;
    }
    if (value instanceof Numeric numeric) {
      return numeric.bigDecimalValue().stripTrailingZeros().doubleValue();
    }
    return (Number) value;
  }

  /** The first row mapped, or null when there is none. */
  public static <T> T first(RowSet<Row> rows, Function<Row, T> mapper) {
    var iterator = rows.iterator();
    return iterator.hasNext() ? mapper.apply(iterator.next()) : null;
  }

  /** Every row mapped, in the rows' order. */
  public static JsonArray array(RowSet<Row> rows, Function<Row, JsonObject> mapper) {
    JsonArray items = new JsonArray();
    rows.forEach(row -> items.add(mapper.apply(row)));
    return items;
  }
}
