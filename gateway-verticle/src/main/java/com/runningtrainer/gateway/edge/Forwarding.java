package com.runningtrainer.gateway.edge;

import com.runningtrainer.common.http.AccessLog;
import com.runningtrainer.common.http.OperationDispatcher;
import com.runningtrainer.common.http.ProblemWriter;
import com.runningtrainer.gateway.upstream.HttpProxy;
import com.runningtrainer.gateway.upstream.Upstream;
import com.runningtrainer.gateway.upstream.UpstreamAnswer;
import com.runningtrainer.gateway.upstream.UpstreamCall;
import com.runningtrainer.gateway.upstream.UpstreamFailures;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.Operation;

/** The last handler of every routed operation: sends the validated request on, and its answer back. */
final class Forwarding {

  private Forwarding() {
  }

  /** The contract extension that marks an operation proxied over HTTP, streaming, even in event-bus mode. */
  static final String FORWARD_EXTENSION = "x-forward";

  static Handler<RoutingContext> to(String service, Upstream upstream, HttpProxy proxy, Operation operation,
      long retryAfterSeconds) {
    if ("http".equals(operation.getExtensions().get(FORWARD_EXTENSION))) {
      return proxied(service, proxy, operation, retryAfterSeconds);
    }
    return rc -> {
      RequestBody body = rc.body();
      UpstreamCall call = new UpstreamCall(OperationDispatcher.toRequest(operation.getOperationId(), rc),
          rc.request().method(), rc.request().uri(), rc.request().headers(), body == null ? null : body.buffer());
      upstream.forward(call)
          .onSuccess(answer -> {
            AccessLog.upstream(rc, answer.from());
            write(rc.response(), answer);
          })
          .onFailure(failure -> {
            AccessLog.upstream(rc, upstream.name());
            if (!rc.response().ended()) {
              ProblemWriter.write(rc.response(), UpstreamFailures.toProblem(failure, service, retryAfterSeconds));
            }
          });
    };
  }

  /** A binary operation: sent to the service's HTTP port, its answer streamed back as it comes. */
  private static Handler<RoutingContext> proxied(String service, HttpProxy proxy, Operation operation,
      long retryAfterSeconds) {
    return rc -> {
      RequestBody body = rc.body();
      UpstreamCall call = new UpstreamCall(OperationDispatcher.toRequest(operation.getOperationId(), rc),
          rc.request().method(), rc.request().uri(), rc.request().headers(),
          body == null || body.buffer() == null || body.buffer().length() == 0 ? null : body.buffer());
      proxy.forward(call, rc.response())
          .onSuccess(from -> AccessLog.upstream(rc, from))
          .onFailure(failure -> {
            AccessLog.upstream(rc, service + " (http)");
            if (!rc.response().ended() && !rc.response().headWritten()) {
              ProblemWriter.write(rc.response(), UpstreamFailures.toProblem(failure, service, retryAfterSeconds));
            }
          });
    };
  }

  private static void write(HttpServerResponse response, UpstreamAnswer answer) {
    if (response.ended()) {
      return;
    }
    response.setStatusCode(answer.status());
    answer.headers().forEach((name, value) -> response.headers().add(name, value));
    if (answer.body() == null) {
      response.end();
    } else {
      response.end(answer.body());
    }
  }
}
