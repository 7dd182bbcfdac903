package com.runningtrainer.common.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * An RFC 9457 problem: every error this platform answers.
 *
 * @param errors the failing fields of a validation error, each {@code {field, message}}; may be empty
 */
public record Problem(int status, String title, String detail, JsonArray errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(int status, String detail) {
    return new Problem(status, Titles.of(status), detail, new JsonArray());
  }

  public Problem withErrors(JsonArray fieldErrors) {
    return new Problem(status, title, detail, fieldErrors);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("type", "about:blank")
        .put("title", title)
        .put("status", status)
        .put("detail", detail);
    if (!errors.isEmpty()) {
      json.put("errors", errors);
    }
    return json;
  }

  private static final class Titles {
    static String of(int status) {
      return switch (status) {
        case 400 -> "Bad Request";
        case 401 -> "Unauthorized";
        case 403 -> "Forbidden";
        case 404 -> "Not Found";
        case 405 -> "Method Not Allowed";
        case 409 -> "Conflict";
        case 413 -> "Content Too Large";
        case 415 -> "Unsupported Media Type";
        case 422 -> "Unprocessable Content";
        case 429 -> "Too Many Requests";
        case 502 -> "Bad Gateway";
        case 503 -> "Service Unavailable";
        case 504 -> "Gateway Timeout";
        default -> status >= 500 ? "Internal Server Error" : "Error";
      };
    }
  }
}
