package com.runningtrainer.common.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Refuses a request with a string PostgreSQL cannot store or JSON cannot carry back: a NUL
 * character (U+0000, which PostgreSQL refuses in text) or a lone UTF-16 surrogate (half of a
 * character, which a JSON escape such as {@code \ud800} can make). Checked on every operation's
 * input as its handler is called ({@link Futures#handle}), so that nothing is done first (auth hashes a password at
 * registration) and the answer is a 400 naming the field, not the database's 500.
 */
public final class StorableText {

  private StorableText() {
  }

  /** Every string of the request's path, query and body; 400 naming the first bad one. */
  public static void check(ApiRequest request) {
    walk("", request.pathParams());
    walk("", request.query());
    walk("", request.body());
  }

  private static void walk(String field, Object value) {
    if (value instanceof String text) {
      check(field, text);
    } else if (value instanceof JsonObject object) {
      for (String name : object.fieldNames()) {
        check(field, name);
        walk(field.isEmpty() ? name : field + "." + name, object.getValue(name));
      }
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        walk(field.isEmpty() ? String.valueOf(i) : field + "." + i, array.getValue(i));
      }
    }
  }

  private static void check(String field, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        throw Failures.invalid(named(field), "must not contain the NUL character (U+0000)");
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw Failures.invalid(named(field), "must be valid Unicode text: it holds half of a character (a lone surrogate)");
      }
    }
  }

  private static String named(String field) {
    return field.isEmpty() ? "body" : field;
  }
}
