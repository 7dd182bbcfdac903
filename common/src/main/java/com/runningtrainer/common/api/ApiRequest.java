package com.runningtrainer.common.api;

import io.vertx.core.json.JsonObject;

/**
 * One call of one contract operation, the same whether it arrived over HTTP or on the event
 * bus: the operationId, validated parameters and body, and the caller's verified principal.
 *
 * @param principal the verified token claims ({@code sub} is the user id); empty when anonymous
 * @param client who is calling: {@code ip} and {@code user_agent}, for throttling and sessions
 * @param headers the header and cookie parameters the contract declares for the operation (e.g.
 *     {@code Idempotency-Key}, {@code If-None-Match}, auth's {@code rt_refresh} cookie), by their
 *     names in the contract; empty when none
 */
public record ApiRequest(
    String operationId,
    JsonObject pathParams,
    JsonObject query,
    Object body,
    JsonObject principal,
    JsonObject client,
    String requestId,
    JsonObject headers) {

  /** A request with no header parameters. */
  public ApiRequest(String operationId, JsonObject pathParams, JsonObject query, Object body, JsonObject principal,
      JsonObject client, String requestId) {
    this(operationId, pathParams, query, body, principal, client, requestId, new JsonObject());
  }

  /** A header or cookie parameter the contract declares, by its name there; null when not sent. */
  public String header(String name) {
    return headers.getString(name);
  }

  public String pathParam(String name) {
    return pathParams.getString(name);
  }

  public JsonObject bodyAsJson() {
    return body instanceof JsonObject json ? json : new JsonObject();
  }

  /** The caller's user id, from the token's {@code sub} claim. */
  public String userId() {
    return principal.getString("sub");
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("operation_id", operationId)
        .put("path", pathParams)
        .put("query", query)
        .put("body", body)
        .put("principal", principal)
        .put("client", client)
        .put("request_id", requestId)
        .put("headers", headers);
  }

  public static ApiRequest fromJson(JsonObject json) {
    return new ApiRequest(
        json.getString("operation_id"),
        json.getJsonObject("path", new JsonObject()),
        json.getJsonObject("query", new JsonObject()),
        json.getValue("body"),
        json.getJsonObject("principal", new JsonObject()),
        json.getJsonObject("client", new JsonObject()),
        json.getString("request_id"),
        json.getJsonObject("headers", new JsonObject()));
  }
}
