package com.runningtrainer.gateway.upstream;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Runs a call to an upstream through its circuit breaker. A 5xx answer counts as a failure for
 * the breaker, yet reaches the client as the upstream gave it; a breaker that is open fails at
 * once without calling.
 */
final class Guarded {

  private Guarded() {
  }

  static Future<UpstreamAnswer> call(CircuitBreaker breaker, Supplier<Future<UpstreamAnswer>> call) {
    return breaker.<UpstreamAnswer>execute(() -> call.get().compose(answer -> answer.isServerError()
            ? Future.failedFuture(new ServerError(answer))
            : Future.succeededFuture(answer)))
        .recover(failure -> failure instanceof ServerError error
            ? Future.succeededFuture(error.answer)
            : Future.failedFuture(failure));
  }

  /** Carries a 5xx answer through the breaker as a failure. */
  private static final class ServerError extends RuntimeException {

    private final transient UpstreamAnswer answer;

    ServerError(UpstreamAnswer answer) {
      super("upstream answered " + answer.status(), null, false, false);
      this.answer = answer;
    }
  }
}
