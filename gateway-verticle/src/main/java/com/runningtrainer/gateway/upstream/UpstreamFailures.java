package com.runningtrainer.gateway.upstream;

import com.runningtrainer.common.api.ApiEventBus;
import com.runningtrainer.common.api.Problem;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/** What the client is told when a request could not be forwarded, or got no answer. */
public final class UpstreamFailures {

  private UpstreamFailures() {
  }

  /** @param retryAfterSeconds how long an open breaker stays open */
  public static Problem toProblem(Throwable failure, String service, long retryAfterSeconds) {
    if (failure instanceof OpenCircuitException) {
      return Problem.of(503, "The " + service + " service is failing; the gateway stopped calling it for now")
          .withRetryAfter(retryAfterSeconds);
    }
    if (ApiEventBus.notTaken(failure)) {
      return Problem.of(503, "The " + service + " service is not running");
    }
    if (failure instanceof ReplyException reply) {
      return switch (reply.failureType()) {
        case TIMEOUT -> Problem.of(504, "The " + service + " service did not answer in time");
        default -> Problem.of(502, "The " + service + " service failed to answer");
      };
    }
    if (causedBy(failure, ConnectionPoolTooBusyException.class)) {
      return Problem.of(503, "Too many requests are waiting for the " + service + " service");
    }
    if (causedBy(failure, ConnectException.class)) {
      return Problem.of(503, "The " + service + " service cannot be reached");
    }
    if (causedBy(failure, TimeoutException.class)) {
      return Problem.of(504, "The " + service + " service did not answer in time");
    }
    return Problem.of(502, "The " + service + " service gave no usable answer");
  }

  /** Whether the connection was closed or reset under the request, rather than never made or timed out. */
  static boolean connectionLost(Throwable failure) {
    return causedBy(failure, HttpClosedException.class)
        || causedBy(failure, IOException.class) && !causedBy(failure, ConnectException.class);
  }

  /** Whether {@code type} is the failure or one of its causes. */
  static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
