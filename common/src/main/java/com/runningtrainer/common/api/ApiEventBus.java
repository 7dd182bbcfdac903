package com.runningtrainer.common.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Serves a service's operations on the event bus address {@code <service>.api}: an
 * {@link ApiRequest} in, an {@link ApiResponse} out, failures as problem responses. The
 * sender (the gateway) has already validated the request and verified the caller.
 */
public final class ApiEventBus {

  private ApiEventBus() {
  }

  public static String address(String service) {
    return service + ".api";
  }

  public static Future<MessageConsumer<JsonObject>> bind(Vertx vertx, String service, Map<String, ApiHandler> operations) {
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(address(service), message -> {
      ApiRequest request = ApiRequest.fromJson(message.body());
      ApiHandler handler = operations.get(request.operationId());
      Future<ApiResponse> response = handler == null
          ? Future.succeededFuture(ApiResponse.problem(Problem.of(404, "No operation " + request.operationId())))
          : Futures.handle(handler, request);
      response
          .recover(failure -> Future.succeededFuture(ApiResponse.problem(ProblemMapper.toProblem(failure, 500, request.requestId()))))
          .onSuccess(answer -> message.reply(answer.toJson()));
    });
    return consumer.completion().map(consumer);
  }
}
