package com.runningtrainer.strava.oauth;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.breaker.Breakers;
import com.runningtrainer.strava.StravaSettings;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.serviceproxy.ServiceException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strava's OAuth endpoints: the code exchange, the refresh, the revocation. Every call goes
 * through the one breaker {@code strava-oauth} of the process, bounded by
 * {@code STRAVA_TIMEOUT_MS}; Strava's 4xx answers (a refused code, a revoked token) do not count
 * as outages. A non-2xx answer fails with {@link StravaAnswer}; an open breaker with a 503.
 * Client id and secret travel as form fields, Strava's way.
 */
public final class StravaOAuth {

  static final int MAX_FAILURES = 5;
  static final long RESET_MS = 30_000;
  private static final Logger LOG = LoggerFactory.getLogger(StravaOAuth.class);

  private final StravaSettings settings;
  private final WebClient client;
  private final CircuitBreaker breaker;

  public StravaOAuth(Vertx vertx, StravaSettings settings) {
    this.settings = settings;
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setConnectTimeout((int) settings.timeoutMs())
        .setIdleTimeout((int) settings.timeoutMs()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
    this.breaker = Breakers.shared(vertx, "strava-oauth", new CircuitBreakerOptions()
            .setTimeout(settings.timeoutMs()).setMaxFailures(MAX_FAILURES).setResetTimeout(RESET_MS)
            .setFailuresRollingWindow(60_000))
        .failurePolicy(result -> result.failed()
            && !(result.cause() instanceof StravaAnswer answer && answer.clientError()));
  }

  /** Redeems an authorization code: the tokens and the athlete. */
  public Future<TokenGrant> exchange(String code) {
    return token(MultiMap.caseInsensitiveMultiMap().add("grant_type", "authorization_code").add("code", code));
  }

  /** A new access token and the refresh token to keep from now on (Strava may rotate it). */
  public Future<TokenGrant> refresh(String refreshToken) {
    return token(MultiMap.caseInsensitiveMultiMap().add("grant_type", "refresh_token").add("refresh_token", refreshToken));
  }

  /**
   * Revokes the athlete's authorization: {@code /oauth/revoke} with the access token, and when
   * Strava has no such endpoint (404) the older {@code /oauth/deauthorize}, token in the header.
   */
  public Future<Void> revoke(String accessToken) {
    return call(() -> client.postAbs(settings.baseUrl() + "/oauth/revoke")
            .sendForm(credentials().add("token", accessToken).add("token_type_hint", "access_token")))
        .recover(failure -> failure instanceof StravaAnswer answer && answer.status() == 404
            ? call(() -> client.postAbs(settings.baseUrl() + "/oauth/deauthorize")
                .putHeader("Authorization", "Bearer " + accessToken).send())
            : Future.failedFuture(failure))
        .mapEmpty();
  }

  public void close() {
    client.close();
  }

  private Future<TokenGrant> token(MultiMap form) {
    return call(() -> client.postAbs(settings.baseUrl() + "/oauth/token").sendForm(credentials().addAll(form)))
        .map(response -> {
          try {
            return TokenGrant.from(response.bodyAsJsonObject());
          } catch (DecodeException | ClassCastException e) {
            throw new StravaAnswer(response.statusCode(), "a token answer that is not JSON");
          }
        });
  }

  private MultiMap credentials() {
    return MultiMap.caseInsensitiveMultiMap().add("client_id", settings.clientId()).add("client_secret", settings.clientSecret());
  }

  /** The request through the breaker; a non-2xx answer a {@link StravaAnswer}, an open breaker a 503. */
  private Future<HttpResponse<Buffer>> call(Supplier<Future<HttpResponse<Buffer>>> request) {
    return breaker.<HttpResponse<Buffer>>execute(() -> request.get().compose(response -> response.statusCode() / 100 == 2
            ? Future.succeededFuture(response)
            : Future.failedFuture(new StravaAnswer(response.statusCode(), response.bodyAsString()))))
        .recover(failure -> {
          if (failure instanceof OpenCircuitException) {
            return Future.failedFuture(Failures.unavailable("calls to Strava are paused after repeated failures",
                TimeUnit.MILLISECONDS.toSeconds(RESET_MS)));
          }
          if (!(failure instanceof StravaAnswer) && !(failure instanceof ServiceException)) {
            LOG.warn("a call to Strava failed: {}", failure.toString());
          }
          return Future.failedFuture(failure);
        });
  }
}
