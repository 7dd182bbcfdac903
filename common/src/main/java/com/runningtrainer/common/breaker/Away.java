package com.runningtrainer.common.breaker;

import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.circuitbreaker.TimeoutException;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.serviceproxy.ServiceException;

/**
 * Whether a failed call to a neighbouring service says it was away (worth trying again) or
 * answered: what the services' breakers around their calls to each other count, and pass on.
 */
public final class Away {

  private Away() {
  }

  /**
   * No consumer, no answer in time, an open breaker, or the neighbour saying it cannot serve
   * now (503): trying again later may succeed. Any other failure is its answer (404, 400).
   */
  public static boolean isAway(Throwable failure) {
    if (failure instanceof ServiceException answer) {
      return answer.failureCode() == 503 || answer.failureCode() < 0 || answer.failureCode() >= 500;
    }
    if (failure instanceof ReplyException reply) {
      return reply.failureType() == ReplyFailure.NO_HANDLERS || reply.failureType() == ReplyFailure.TIMEOUT
          || reply.failureType() == ReplyFailure.RECIPIENT_FAILURE;
    }
    return failure instanceof TimeoutException || failure instanceof OpenCircuitException;
  }

  /** A deliberate 4xx answer of the neighbour, passed on as it is. */
  public static boolean isAnswer(Throwable failure) {
    return failure instanceof ServiceException e && e.failureCode() >= 400 && e.failureCode() < 500;
  }
}
