package com.runningtrainer.common.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;

/** A list's window: {@code limit} (1–100, default 20) and {@code offset} (default 0). */
public record Page(int limit, int offset) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  public static Page from(JsonObject query) {
    return new Page(
        whole(query, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, "must be between 1 and " + MAX_LIMIT),
        whole(query, "offset", 0, 0, Integer.MAX_VALUE, "must be between 0 and " + Integer.MAX_VALUE));
  }

  // Compared exactly: JsonObject.getInteger would cut 4294967297 to its low 32 bits, 1.
  private static int whole(JsonObject query, String name, int absent, int min, int max, String rule) {
    Object value = query.getValue(name);
    if (value == null) {
      return absent;
    }
    BigDecimal number;
    try {
      number = new BigDecimal(value.toString());
    } catch (NumberFormatException e) {
      throw Failures.invalid(name, rule);
    }
    if (number.stripTrailingZeros().scale() > 0
        || number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw Failures.invalid(name, rule);
    }
    return number.intValueExact();
  }

  /** The list answer of every service: {@code {"items", "total", "limit", "offset"}}. */
  public JsonObject answer(JsonArray items, long total) {
    return new JsonObject().put("items", items).put("total", total).put("limit", limit).put("offset", offset);
  }
}
