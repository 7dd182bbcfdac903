package com.runningtrainer.auth.oauth;

import com.runningtrainer.common.api.Futures;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.serviceproxy.ServiceException;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call to a provider: bounded in time, and its failures told apart. A provider that
 * refuses the authorization code (expired, used before, not ours) is the user's problem, 401;
 * anything else that goes wrong there (down, slow, an answer outside its protocol) is a 502,
 * never a 500.
 */
final class ProviderCalls {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderCalls.class);

  private ProviderCalls() {
  }

  /**
   * The HTTP options of a provider's client. vertx-auth-oauth2 sets no request timeout of its
   * own: these bound connecting and waiting for bytes, and {@link #bounded} the whole call.
   */
  static HttpClientOptions httpOptions(long timeoutMs) {
    return new HttpClientOptions()
        .setConnectTimeout((int) timeoutMs)
        .setIdleTimeout((int) timeoutMs)
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
  }

  /** The call within {@code timeoutMs}; any failure a 502. */
  static <T> Future<T> bounded(String provider, String what, long timeoutMs, Callable<Future<T>> call) {
    return exchange(provider, what, timeoutMs, call, failure -> false);
  }

  /** As {@link #bounded}, but a failure that {@code refusedCode} recognises is a 401. */
  static <T> Future<T> exchange(String provider, String what, long timeoutMs, Callable<Future<T>> call,
      Predicate<String> refusedCode) {
    return Futures.defer(call).timeout(timeoutMs, TimeUnit.MILLISECONDS).recover(failure -> {
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
