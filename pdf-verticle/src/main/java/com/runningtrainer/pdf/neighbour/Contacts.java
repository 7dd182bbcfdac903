package com.runningtrainer.pdf.neighbour;

import com.runningtrainer.auth.api.AuthDirectory;
import com.runningtrainer.common.breaker.Away;
import com.runningtrainer.common.breaker.Breakers;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;

/**
 * Where a user's PDFs are mailed: auth's {@link AuthDirectory#contact} ({@code email},
 * {@code email_verified}), behind the breaker {@code pdf-auth}; 503 while auth is away.
 */
public final class Contacts {

  private static final int RESET_MS = 10_000;

  private final AuthDirectory auth;
  private final CircuitBreaker breaker;

  public Contacts(Vertx vertx, long timeoutMs) {
    this.auth = AuthDirectory.createProxy(vertx, new DeliveryOptions().setSendTimeout(timeoutMs));
    this.breaker = Breakers.shared(vertx, "pdf-auth", new CircuitBreakerOptions()
            .setTimeout(timeoutMs + 500).setMaxFailures(5).setResetTimeout(RESET_MS))
        .failurePolicy(result -> result.failed() && Away.isAway(result.cause()));
  }

  /** The user's verified email; null when it is not verified. */
  public Future<String> verifiedEmail(String userId) {
    return breaker.<JsonObject>execute(() -> auth.contact(userId))
        .recover(failure -> Future.failedFuture(Away.isAnswer(failure)
            ? failure
            : new ServiceException(503, "the auth service cannot be asked now; try again shortly")))
        .map(contact -> contact.getBoolean("email_verified", false) ? contact.getString("email") : null);
  }
}
