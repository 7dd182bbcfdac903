package com.runningtrainer.common.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;

/**
 * The failures a service raises on purpose. They are {@link ServiceException}s, the one kind
 * of exception that keeps its code across the event bus, with the HTTP status as the code.
 */
public final class Failures {

  /** The key of {@link #tooManyRequests}'s debug info that carries the seconds to wait. */
  public static final String RETRY_AFTER_SECONDS = "retry_after_seconds";

  private Failures() {
  }

  public static ServiceException notFound(String what) {
    return new ServiceException(404, what + " not found");
  }

  /** The row (or any value) a lookup found; {@link #notFound} naming {@code what} when it found none (null). */
  public static <T> T orNotFound(T found, String what) {
    if (found == null) {
      throw notFound(what);
    }
    return found;
  }

  /**
   * Nothing, once a statement found its row to change; {@link #notFound} naming {@code what} when
   * it changed none. Not an overload of {@link #orNotFound}: a {@code Boolean} would pick the
   * generic one and never fail.
   */
  public static Void doneOrNotFound(boolean done, String what) {
    if (!done) {
      throw notFound(what);
    }
    return null;
  }

  public static ServiceException unauthorized(String detail) {
    return new ServiceException(401, detail);
  }

  public static ServiceException forbidden(String detail) {
    return new ServiceException(403, detail);
  }

  public static ServiceException conflict(String detail) {
    return new ServiceException(409, detail);
  }

  /**
   * Too many requests: a 429 whose answer, over HTTP and on the event bus alike, carries
   * {@code Retry-After} with the seconds to wait. The detail names no account or limit, so that
   * it tells nothing about who is throttled or why.
   */
  public static ServiceException tooManyRequests(long retryAfterSeconds) {
    return new ServiceException(429, "Too many requests; try again after the delay in Retry-After",
        new JsonObject().put(RETRY_AFTER_SECONDS, Math.max(1, retryAfterSeconds)));
  }

  /**
   * A dependency is not ready to answer yet (the revocation list being rebuilt, say): a 503 with
   * {@code Retry-After}, rather than an answer that may be wrong.
   */
  public static ServiceException unavailable(String detail, long retryAfterSeconds) {
    return new ServiceException(503, detail, new JsonObject().put(RETRY_AFTER_SECONDS, Math.max(1, retryAfterSeconds)));
  }

  /** A field whose value is malformed. */
  public static ServiceException invalid(String field, String message) {
    return fieldFailure(400, field, message);
  }

  /** A well-formed request that breaks a rule between fields or resources. */
  public static ServiceException unprocessable(String field, String message) {
    return fieldFailure(422, field, message);
  }

  private static ServiceException fieldFailure(int status, String field, String message) {
    JsonArray errors = new JsonArray().add(new JsonObject().put("field", field).put("message", message));
    return new ServiceException(status, field + " " + message, new JsonObject().put("errors", errors));
  }
}
