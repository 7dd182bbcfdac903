package com.runningtrainer.auth.oauth;

import com.runningtrainer.common.api.Futures;
import com.runningtrainer.common.breaker.Breakers;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.serviceproxy.ServiceException;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call to one provider (discovery, signing keys, token exchange): through the provider's
 * circuit breaker {@code oauth-<provider>}, bounded by its timeout, and its failures told apart.
 * A provider that refuses the authorization code (expired, used before, not ours) is the user's
 * problem, 401; anything else that goes wrong there (down, slow, an answer outside its
 * protocol) is a 502, never a 500. After {@link #MAX_FAILURES} outages the breaker opens, and for
 * {@link #RESET_MS} logins with that provider answer 503 at once without calling it; its 4xx
 * answers do not count as outages ({@link ProviderAnswers}).
 */
final class ProviderCalls {

  static final int MAX_FAILURES = 5;
  static final long RESET_MS = 30_000;
  /**
   * Logins are rare and each is a browser's round trips: five failures may well be spread over
   * more than the breaker's default ten seconds, and would then never open it.
   */
  static final long FAILURE_WINDOW_MS = 60_000;
  private static final Logger LOG = LoggerFactory.getLogger(ProviderCalls.class);

  private final String provider;
  private final CircuitBreaker breaker;

  ProviderCalls(Vertx vertx, String provider, long timeoutMs) {
    this.provider = provider;
    this.breaker = Breakers.shared(vertx, "oauth-" + provider, new CircuitBreakerOptions()
            .setTimeout(timeoutMs).setMaxFailures(MAX_FAILURES).setResetTimeout(RESET_MS)
            .setFailuresRollingWindow(FAILURE_WINDOW_MS))
        .failurePolicy(result -> result.failed() && !ProviderAnswers.isClientError(result.cause()));
  }

  /**
   * The HTTP options of a provider's client. vertx-auth-oauth2 sets no request timeout of its
   * own: these bound connecting and waiting for bytes, and the breaker's timeout the whole call.
   */
  static HttpClientOptions httpOptions(long timeoutMs) {
    return new HttpClientOptions()
        .setConnectTimeout((int) timeoutMs)
        .setIdleTimeout((int) timeoutMs)
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
  }

  /** The call through the breaker; any failure a 502, or a 503 while the breaker is open. */
  <T> Future<T> call(String what, Callable<Future<T>> call) {
    return exchange(what, call, failure -> false);
  }

  /** As {@link #call}, but a failure that {@code refusedCode} recognises is a 401. */
  <T> Future<T> exchange(String what, Callable<Future<T>> call, Predicate<String> refusedCode) {
    return breaker.<T>execute(() -> Futures.defer(call)).recover(failure -> {
      if (failure instanceof OpenCircuitException) {
        return Future.failedFuture(OAuthFailures.providerPaused(provider, TimeUnit.MILLISECONDS.toSeconds(RESET_MS)));
      }
      String reason = String.valueOf(failure.getMessage());
      if (refusedCode.test(reason)) {
        LOG.info("{} refused an authorization code: {}", provider, reason);
        return Future.failedFuture(OAuthFailures.refused(provider, "it refused the authorization code (expired or used before)"));
      }
      LOG.warn("{} {} failed: {}", provider, what, failure.toString());
      return Future.failedFuture(failure instanceof ServiceException deliberate && deliberate.failureCode() < 500
          ? deliberate
          : OAuthFailures.providerFailed(provider));
    });
  }
}
