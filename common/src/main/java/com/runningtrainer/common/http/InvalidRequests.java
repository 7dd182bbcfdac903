package com.runningtrainer.common.http;

import com.runningtrainer.common.api.Problem;
import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * Answers a request the HTTP server could not read, before any router sees it: a request line or
 * headers longer than the server reads get a 414 or 431 problem (Vert.x's own answer has no body),
 * and the connection is closed after it, since the rest of what the client sent cannot be trusted
 * to start a new request. Bytes that are no HTTP request at all get no answer but the close.
 */
public final class InvalidRequests {

  private InvalidRequests() {
  }

  /** For {@code HttpServer.invalidRequestHandler}. */
  public static void answer(HttpServerRequest request) {
    Problem problem = problem(request.decoderResult().cause());
    if (problem == null) {
      request.connection().close();
      return;
    }
    request.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
    ProblemWriter.write(request.response(), problem);
  }

  private static Problem problem(Throwable cause) {
    if (!(cause instanceof TooLongFrameException) || cause.getMessage() == null) {
      return null;
    }
    // Netty names what was too long only in its message.
    if (cause.getMessage().startsWith("An HTTP line is larger than")) {
      return Problem.of(414, "the request line is longer than " + HttpServerOptions.DEFAULT_MAX_INITIAL_LINE_LENGTH
          + " bytes: send long inputs in a request body");
    }
    if (cause.getMessage().startsWith("HTTP header is larger than")) {
      return Problem.of(431, "the request's headers are longer than " + HttpServerOptions.DEFAULT_MAX_HEADER_SIZE
          + " bytes");
    }
    return null;
  }
}
