package com.runningtrainer.gateway.edge;

import com.runningtrainer.common.api.Problem;
import com.runningtrainer.common.auth.BearerTokens;
import com.runningtrainer.common.auth.JwksTokenVerifier;
import com.runningtrainer.common.http.ClientAddress;
import com.runningtrainer.common.http.ProblemWriter;
import com.runningtrainer.common.ratelimit.RateDecision;
import com.runningtrainer.common.ratelimit.RateLimit;
import com.runningtrainer.common.ratelimit.RateLimiter;
import com.runningtrainer.gateway.GatewaySettings.RateLimits;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's rate limits, counted in Redis so that every gateway instance shares them: per
 * user for a request with a valid token, per client address otherwise, and a stricter limit on
 * the auth service's operations, always per client address; Strava's webhook, which Strava calls
 * in bursts from few addresses, a budget of its own per address, so that neither it nor the
 * anonymous callers' spend the other's. Every API answer carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining}, {@code RateLimit-Reset} and {@code RateLimit-Policy}; a refusal is
 * a 429 problem with {@code Retry-After}. Redis being down lets requests through (see
 * {@link RateLimiter}).
 */
public final class EdgeLimits implements Handler<RoutingContext> {

  private final RateLimiter limiter;
  private final JwksTokenVerifier tokens;
  private final String authPath;
  private final String webhookPath;
  private final RateLimit perUser;
  private final RateLimit perIp;
  private final RateLimit auth;
  private final RateLimit webhook;

  /**
   * @param authPath the path prefix of the auth service's operations, e.g. {@code /api/v1/auth/}
   * @param webhookPath the path of Strava's webhook, {@code /api/v1/strava/webhook}
   */
  public EdgeLimits(RateLimiter limiter, JwksTokenVerifier tokens, RateLimits limits, String authPath, String webhookPath) {
    this.limiter = limiter;
    this.tokens = tokens;
    this.authPath = authPath;
    this.webhookPath = webhookPath;
    this.perUser = new RateLimit("edge:user", limits.perUser(), limits.window());
    this.perIp = new RateLimit("edge:ip", limits.perIp(), limits.window());
    this.auth = new RateLimit("edge:auth", limits.auth(), limits.window());
    this.webhook = new RateLimit("edge:webhook", limits.webhook(), limits.window());
  }

  @Override
  public void handle(RoutingContext rc) {
    if (rc.normalizedPath().startsWith(authPath)) {
      // By address always: a per-user bucket would give whoever holds many accounts (each with
      // a token) as many budgets of password guesses and registrations.
      limiter.hit(auth, "ip:" + ClientAddress.of(rc)).onSuccess(decision -> decide(rc, auth, decision));
      return;
    }
    if (rc.normalizedPath().equals(webhookPath)) {
      limiter.hit(webhook, "ip:" + ClientAddress.of(rc)).onSuccess(decision -> decide(rc, webhook, decision));
      return;
    }
    caller(rc).onComplete(found -> {
      String user = found.result();
      RateLimit limit = user != null ? perUser : perIp;
      String key = user != null ? "user:" + user : "ip:" + ClientAddress.of(rc);
      limiter.hit(limit, key).onSuccess(decision -> decide(rc, limit, decision));
    });
  }

  /** The user a valid bearer token names; null (never a failure) for anyone else. */
  private Future<String> caller(RoutingContext rc) {
    String token = BearerTokens.of(rc.request().getHeader("Authorization"));
    if (token == null) {
      return Future.succeededFuture();
    }
    return tokens.identify(token)
        .map(user -> user.principal().getString("sub"))
        .otherwise((String) null);
  }

  private static void decide(RoutingContext rc, RateLimit limit, RateDecision decision) {
    HttpServerResponse response = rc.response();
    response.putHeader("RateLimit-Limit", String.valueOf(limit.maxHits()))
        .putHeader("RateLimit-Remaining", String.valueOf(decision.remaining()))
        .putHeader("RateLimit-Reset", String.valueOf(decision.resetSeconds()))
        .putHeader("RateLimit-Policy", limit.maxHits() + ";w=" + limit.window().toSeconds());
    if (decision.allowed()) {
      rc.next();
      return;
    }
    ProblemWriter.write(response, Problem.of(429, "Too many requests; try again in " + decision.resetSeconds() + " s")
        .withRetryAfter(decision.resetSeconds()));
  }
}
