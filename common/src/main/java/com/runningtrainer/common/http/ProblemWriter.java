package com.runningtrainer.common.http;

import com.runningtrainer.common.api.Problem;
import com.runningtrainer.common.api.ProblemMapper;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Writes every error of a router as {@code application/problem+json}. */
public final class ProblemWriter {

  private static final int[] STATUSES = {400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 502, 503, 504};

  private ProblemWriter() {
  }

  /** Registers on the root router: in Vert.x 5.0.7 a sub-router's error handler is ignored. */
  public static void install(Router root) {
    for (int status : STATUSES) {
      root.errorHandler(status, ProblemWriter::write);
    }
  }

  static void write(RoutingContext rc) {
    HttpServerResponse response = rc.response();
    if (response.ended() || response.headWritten()) {
      return;
    }
    write(response, ProblemMapper.toProblem(rc.failure(), rc.statusCode()));
  }

  public static void write(HttpServerResponse response, Problem problem) {
    problem.headers().forEach(header -> response.putHeader(header.getKey(), String.valueOf(header.getValue())));
    response.setStatusCode(problem.status()).end(problem.toJson().encode());
  }
}
