package com.runningtrainer.common.api;

import com.runningtrainer.common.tracing.Traces;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * An RFC 9457 problem: every error this platform answers.
 *
 * @param errors the failing fields of a validation error, each {@code {field, message}}; may be empty
 * @param retryAfterSeconds when the client may try again, sent as {@code Retry-After}; 0 when not said
 */
public record Problem(int status, String title, String detail, JsonArray errors, long retryAfterSeconds) {

  public static final String MEDIA_TYPE = "application/problem+json";

  // An outage rarely outlasts this; clients and the gateway back off at least this long.
  private static final long OUTAGE_RETRY_AFTER_SECONDS = 5;

  public static Problem of(int status, String detail) {
    return new Problem(status, Titles.of(status), detail, new JsonArray(), status == 503 ? OUTAGE_RETRY_AFTER_SECONDS : 0);
  }

  public Problem withErrors(JsonArray fieldErrors) {
    return new Problem(status, title, detail, fieldErrors, retryAfterSeconds);
  }

  /** This problem with {@code Retry-After} set, when {@code seconds} is positive; unchanged otherwise. */
  public Problem withRetryAfter(long seconds) {
    return seconds > 0 ? new Problem(status, title, detail, errors, seconds) : this;
  }

  /**
   * The headers that go with this problem, the same over HTTP and in an event-bus answer: its
   * media type, {@code WWW-Authenticate} on a 401 and {@code Retry-After} when it says when to retry.
   */
  public JsonObject headers() {
    JsonObject headers = new JsonObject().put("Content-Type", MEDIA_TYPE);
    if (status == 401) {
      headers.put("WWW-Authenticate", "Bearer");
    }
    if (retryAfterSeconds > 0) {
      headers.put("Retry-After", String.valueOf(retryAfterSeconds));
    }
    return headers;
  }

  /**
   * The problem's body, with the id of the current trace ({@code trace_id}) when it is written
   * while serving a request: what an operator needs to go from a user's error to its trace.
   */
  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("type", "about:blank")
        .put("title", title)
        .put("status", status)
        .put("detail", detail);
    if (!errors.isEmpty()) {
      json.put("errors", errors);
    }
    String traceId = Traces.currentTraceId();
    if (traceId != null) {
      json.put("trace_id", traceId);
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
        case 410 -> "Gone";
        case 413 -> "Content Too Large";
        case 414 -> "URI Too Long";
        case 415 -> "Unsupported Media Type";
        case 422 -> "Unprocessable Content";
        case 429 -> "Too Many Requests";
        case 431 -> "Request Header Fields Too Large";
        case 501 -> "Not Implemented";
        case 502 -> "Bad Gateway";
        case 503 -> "Service Unavailable";
        case 504 -> "Gateway Timeout";
        default -> status >= 500 ? "Internal Server Error" : "Error";
      };
    }
  }
}
