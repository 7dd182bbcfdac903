package com.runningtrainer.common.breaker;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.serviceproxy.ServiceException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Calls to a neighbouring service over the event bus, behind one shared breaker ({@link Breakers}):
 * each bounded by its proxy's send timeout (the breaker's, half a second longer, is a backstop);
 * five failures that count open it for ten seconds. While it is open, or the neighbour is away, a
 * call fails at once with a 503 that names the service (the caller then tries again later); the
 * neighbour's own 4xx answers pass through as they are and never count.
 */
public final class Neighbour {

  private static final int MAX_FAILURES = 5;
  private static final int RESET_MS = 10_000;
  private static final long BACKSTOP_MS = 500;

  private final CircuitBreaker breaker;
  private final String unavailable;

  private Neighbour(CircuitBreaker breaker, String service) {
    this.breaker = breaker;
    this.unavailable = "the " + service + " service cannot be asked now; try again shortly";
  }

  /**
   * @param breakerName the breaker's name, e.g. {@code pdf-trainer}, as {@code /metrics} shows it
   * @param service the neighbour's name, as the 503 says it
   * @param timeoutMs the proxy's send timeout
   * @param counts which failures count against the breaker (e.g. {@link Away#isAway})
   */
  public static Neighbour of(Vertx vertx, String breakerName, String service, long timeoutMs,
      Predicate<Throwable> counts) {
    CircuitBreaker breaker = Breakers.shared(vertx, breakerName, new CircuitBreakerOptions()
            .setTimeout(timeoutMs + BACKSTOP_MS).setMaxFailures(MAX_FAILURES).setResetTimeout(RESET_MS))
        .failurePolicy(result -> result.failed() && counts.test(result.cause()));
    return new Neighbour(breaker, service);
  }

  /** The request's answer; a 503 while the neighbour is away, its 4xx as it is. */
  public <T> Future<T> call(Supplier<Future<T>> request) {
    return breaker.<T>execute(request).recover(failure -> Future.failedFuture(Away.isAnswer(failure)
        ? failure
        : new ServiceException(503, unavailable)));
  }
}
