package com.runningtrainer.common.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A list's window: {@code limit} (1–100, default 20) and {@code offset} (default 0). */
public record Page(int limit, int offset) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  public static Page from(JsonObject query) {
    int limit = query.getInteger("limit", DEFAULT_LIMIT);
    int offset = query.getInteger("offset", 0);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw Failures.invalid("limit", "must be between 1 and " + MAX_LIMIT);
    }
    if (offset < 0) {
      throw Failures.invalid("offset", "must not be negative");
    }
    return new Page(limit, offset);
  }

  /** The list answer of every service: {@code {"items", "total", "limit", "offset"}}. */
  public JsonObject answer(JsonArray items, long total) {
    return new JsonObject().put("items", items).put("total", total).put("limit", limit).put("offset", offset);
  }
}
