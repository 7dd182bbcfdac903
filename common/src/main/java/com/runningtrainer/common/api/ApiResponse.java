package com.runningtrainer.common.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;

/**
 * What an operation answers: a status, headers and a JSON body, a text body (see
 * {@link #text}) or none. Serialisable so the event bus carries it unchanged.
 */
public record ApiResponse(int status, JsonObject headers, Object body) {

  private static final String CONTENT_TYPE = "Content-Type";
  /**
   * Writes Vert.x's JSON types straight to the generator, as {@link Json#encodeToBuffer} would
   * but without data binding's serializer lookups per value (7 % of a plan read's CPU went to
   * encoding its answer that way).
   */
  private static final JacksonCodec JSON_TYPES = new JacksonCodec();

  public static ApiResponse ok(Object body) {
    return new ApiResponse(200, new JsonObject(), body);
  }

  public static ApiResponse created(Object body, String location) {
    return new ApiResponse(201, new JsonObject().put("Location", location), body);
  }

  /** Taken on, to be finished after the answer (a mail to send), with no body. */
  public static ApiResponse accepted() {
    return new ApiResponse(202, new JsonObject(), null);
  }

  /** Taken on, to be finished after the answer, with a body that says what happens next. */
  public static ApiResponse accepted(Object body) {
    return new ApiResponse(202, new JsonObject(), body);
  }

  public static ApiResponse noContent() {
    return new ApiResponse(204, new JsonObject(), null);
  }

  /** A problem with its headers ({@link Problem#headers()}), as the HTTP writer sends it. */
  public static ApiResponse problem(Problem problem) {
    return new ApiResponse(problem.status(), problem.headers(), problem.toJson());
  }

  /**
   * A text answer of another media type than JSON (a calendar), sent as it is in UTF-8: over
   * HTTP and across the event bus alike, where it travels as a JSON string.
   *
   * @param mediaType the {@code Content-Type}, e.g. {@code text/calendar; charset=utf-8}
   */
  public static ApiResponse text(int status, String mediaType, String text) {
    return new ApiResponse(status, new JsonObject().put(CONTENT_TYPE, mediaType), text);
  }

  /** The bytes of the body as sent: a {@link #text} answer's text, anything else encoded as JSON. */
  public Buffer encodedBody() {
    String type = headers.getString(CONTENT_TYPE);
    if (body instanceof String text && type != null && !type.contains("json")) {
      return Buffer.buffer(text);
    }
    if (body instanceof JsonObject || body instanceof JsonArray) {
      try {
        return JSON_TYPES.toBuffer(body, false);
      } catch (EncodeException notJsonTypesOnly) {
        // A value Vert.x's JSON types do not cover (a record): the data-binding codec writes it.
      }
    }
    return Json.encodeToBuffer(body);
  }

  public ApiResponse withHeader(String name, String value) {
    return new ApiResponse(status, headers.copy().put(name, value), body);
  }

  public JsonObject toJson() {
    return new JsonObject().put("status", status).put("headers", headers).put("body", body);
  }

  public static ApiResponse fromJson(JsonObject json) {
    return new ApiResponse(json.getInteger("status"), json.getJsonObject("headers", new JsonObject()), json.getValue("body"));
  }
}
