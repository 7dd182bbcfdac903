package com.runningtrainer.common.api;

import com.runningtrainer.common.log.RequestScope;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Serves a service's operations on the event bus address {@code <service>.api}: an
 * {@link ApiRequest} in, an {@link ApiResponse} out, failures as problem responses. The
 * sender (the gateway) has already validated the request and verified the caller.
 */
public final class ApiEventBus {

  private static final String DISCARDED = "Discarded the request";

  private ApiEventBus() {
  }

  public static String address(String service) {
    return service + ".api";
  }

  /**
   * Whether a request sent to {@code <service>.api} failed before any handler took it, so that
   * sending it again cannot do it twice: no instance served the address, or the instance it
   * reached was leaving the address and discarded what it had not begun.
   */
  public static boolean notTaken(Throwable failure) {
    if (!(failure instanceof ReplyException reply)) {
      return false;
    }
    // Vert.x tells a discarded request from a late answer only by its message (5.0.7's
    // MessageConsumerImpl, on unregistering a consumer with messages still pending).
    return reply.failureType() == ReplyFailure.NO_HANDLERS
        || reply.failureType() == ReplyFailure.TIMEOUT && String.valueOf(reply.getMessage()).startsWith(DISCARDED);
  }

  /**
   * Takes the service's operations at {@code <service>.api} as JSON envelopes and, bound on an
   * event loop of a process not clustered, at its same-loop address ({@link LoopRoutes}) as
   * objects.
   */
  public static Future<Binding> bind(Vertx vertx, String service, Map<String, ApiHandler> operations) {
    Binding binding = new Binding(operations);
    MessageConsumer<JsonObject> shared = vertx.eventBus().consumer(address(service), message ->
        binding.serve(ApiRequest.fromJson(message.body()), answer -> message.reply(answer.toJson())));
    binding.consumers.add(shared);
    LoopRoutes.Route sameLoop = LoopRoutes.here(vertx, service);
    if (sameLoop == null) {
      return shared.completion().map(binding);
    }
    LoopRoutes.prepare(vertx);
    DeliveryOptions replies = LoopRoutes.responseDelivery();
    MessageConsumer<ApiRequest> local = vertx.eventBus().localConsumer(sameLoop.address(), message ->
        binding.serve(message.body(), answer -> message.reply(answer, replies)));
    binding.consumers.add(local);
    return Future.all(shared.completion(), local.completion()).map(both -> binding.open(sameLoop));
  }

  /**
   * The answer as the event bus can carry it: a streamed body (a file) cannot, so an operation
   * answering one is served over HTTP only ({@code x-forward: http}); here it is let go and 501.
   */
  private static ApiResponse carried(ApiResponse answer) {
    if (answer.body() instanceof StreamedBody streamed) {
      streamed.discard();
      return ApiResponse.problem(Problem.of(501, "This operation is served over HTTP only"));
    }
    return answer;
  }

  /**
   * A service's consumers of its addresses. Used from the event loop of the verticle that bound
   * it only, so its count needs no lock.
   */
  public static final class Binding {

    private final Map<String, ApiHandler> operations;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private LoopRoutes.Route sameLoop;
    private int inFlight;
    private Promise<Void> drained;

    private Binding(Map<String, ApiHandler> operations) {
      this.operations = operations;
    }

    /**
     * Takes the service off its addresses, then waits for the requests it has taken to be
     * answered. Once the unregistration completes, a clustered event bus routes the address to
     * the other nodes only.
     */
    public Future<Void> unbind() {
      if (sameLoop != null) {
        sameLoop.closed();
      }
      return Future.join(consumers.stream().map(MessageConsumer::unregister).toList()).compose(off -> {
        if (inFlight == 0) {
          return Future.succeededFuture();
        }
        drained = Promise.promise();
        return drained.future();
      });
    }

    private Binding open(LoopRoutes.Route route) {
      sameLoop = route;
      route.opened();
      return this;
    }

    private void serve(ApiRequest request, Consumer<ApiResponse> reply) {
      // Each message has its own duplicated context: the gateway's request id follows this one.
      RequestScope.enter(request.requestId());
      ApiHandler handler = operations.get(request.operationId());
      Future<ApiResponse> response = handler == null
          ? Future.succeededFuture(ApiResponse.problem(Problem.of(404, "No operation " + request.operationId())))
          : Futures.handle(handler, request);
      inFlight++;
      response
          .map(ApiEventBus::carried)
          .recover(failure -> Future.succeededFuture(ApiResponse.problem(ProblemMapper.toProblem(failure, 500))))
          .onSuccess(reply::accept)
          .onComplete(answered -> answered());
    }

    private void answered() {
      inFlight--;
      if (inFlight == 0 && drained != null) {
        drained.tryComplete();
      }
    }
  }
}
