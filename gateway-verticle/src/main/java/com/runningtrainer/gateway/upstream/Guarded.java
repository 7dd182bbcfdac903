package com.runningtrainer.gateway.upstream;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Runs a call to an upstream through its circuit breaker, which counts the upstream being
 * unavailable, never the answer to one request's content: no answer (refused, reset, timed out,
 * no handler) and a 503 count, a 500 or a 4xx does not, since any user can make those at will and
 * five of them would shut every user out. A 503 still reaches the client as the upstream gave
 * it; a breaker that is open fails at once without calling.
 */
final class Guarded {

  private Guarded() {
  }

  static Future<UpstreamAnswer> call(CircuitBreaker breaker, Supplier<Future<UpstreamAnswer>> call) {
    return breaker.<UpstreamAnswer>execute(() -> call.get().compose(answer -> answer.isUnavailable()
            ? Future.failedFuture(new Unavailable(answer))
            : Future.succeededFuture(answer)))
        .recover(failure -> failure instanceof Unavailable error
            ? Future.succeededFuture(error.answer)
            : Future.failedFuture(failure));
  }

  /** Carries a 503 answer through the breaker as a failure. */
  private static final class Unavailable extends RuntimeException {

    private final transient UpstreamAnswer answer;

    Unavailable(UpstreamAnswer answer) {
      super("upstream answered " + answer.status(), null, false, false);
      this.answer = answer;
    }
  }
}
