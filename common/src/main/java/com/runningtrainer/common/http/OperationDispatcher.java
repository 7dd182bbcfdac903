package com.runningtrainer.common.http;

import com.runningtrainer.common.api.ApiHandler;
import com.runningtrainer.common.api.ApiRequest;
import com.runningtrainer.common.api.ApiResponse;
import com.runningtrainer.common.api.Futures;
import com.runningtrainer.common.api.StreamedBody;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.Map;

/** Adapts an {@link ApiHandler} to a route: validated input in, {@link ApiResponse} out. */
public final class OperationDispatcher {

  private OperationDispatcher() {
  }

  static Handler<RoutingContext> of(Operation operation, ApiHandler handler) {
    return rc -> Futures.handle(handler, toRequest(operation.getOperationId(), rc))
          .onSuccess(response -> write(rc, response))
          .onFailure(rc::fail);
  }

  /** The validated request a contract router let through, as the envelope an operation takes. */
  public static ApiRequest toRequest(String operationId, RoutingContext rc) {
    ValidatedRequest validated = rc.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
    RequestParameter body = validated.getBody();
    return new ApiRequest(
        operationId,
        toJson(validated.getPathParameters()),
        toJson(validated.getQuery()),
        body == null || body.isNull() ? null : body.get(),
        rc.user() == null ? new JsonObject() : rc.user().principal(),
        client(rc),
        RequestIds.of(rc),
        toJson(validated.getHeaders()).mergeIn(toJson(validated.getCookies())));
  }

  private static JsonObject client(RoutingContext rc) {
    return new JsonObject()
        .put("ip", ClientAddress.of(rc))
        .put("user_agent", rc.request().getHeader("User-Agent"));
  }

  private static JsonObject toJson(Map<String, RequestParameter> parameters) {
    JsonObject json = new JsonObject();
    parameters.forEach((name, value) -> {
      if (value != null && !value.isNull()) {
        json.put(name, value.get());
      }
    });
    return json;
  }

  static void write(RoutingContext rc, ApiResponse response) {
    if (rc.response().ended()) {
      if (response.body() instanceof StreamedBody streamed) {
        streamed.discard();
      }
      return;
    }
    rc.response().setStatusCode(response.status());
    response.headers().forEach(header -> rc.response().putHeader(header.getKey(), String.valueOf(header.getValue())));
    if (response.body() == null) {
      rc.response().end();
      return;
    }
    if (response.body() instanceof StreamedBody streamed) {
      streamed.pipeTo(rc.response());
      return;
    }
    if (!rc.response().headers().contains("Content-Type")) {
      rc.response().putHeader("Content-Type", "application/json");
    }
    rc.response().end(response.encodedBody());
  }
}
