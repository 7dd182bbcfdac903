package com.runningtrainer.gateway.edge;

import com.runningtrainer.common.http.AccessLog;
import com.runningtrainer.common.http.OperationDispatcher;
import com.runningtrainer.common.http.ProblemWriter;
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

  static Handler<RoutingContext> to(String service, Upstream upstream, Operation operation, long retryAfterSeconds) {
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
