package com.runningtrainer.auth.throttle;

import com.runningtrainer.common.ratelimit.RateDecision;
import com.runningtrainer.common.ratelimit.RateLimit;
import com.runningtrainer.common.ratelimit.RateLimiter;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Throttles logins and registrations per account (the normalised email) and per client IP;
 * over a limit, a 429 with {@code Retry-After}.
 *
 * <p>Every attempt is counted before any other work: before the email is looked up, so that a
 * throttled unknown email is answered exactly as a throttled account and the 429 tells nothing
 * of who has an account; and before the password is hashed, so that a throttled guess costs no
 * Argon2 and parallel guesses cannot race past the limit. A login that succeeds then gives its
 * hits back ({@link #loginSucceeded}): only failed logins use up the budget, so that people
 * logging in on several devices, or many colleagues behind one office IP, never lock themselves
 * out, while a guesser, who fails, does. A registration always counts.
 *
 * <p>A request with no known client IP (a business-API call on the event bus) is held to the
 * per-account limit alone. When Redis is unreachable, nothing is throttled (see {@link RateLimiter}).
 */
public final class AuthThrottle {

  private final RateLimiter limiter;
  private final AuthLimits limits;

  public AuthThrottle(RateLimiter limiter, AuthLimits limits) {
    this.limiter = limiter;
    this.limits = limits;
  }

  /** Counts a login attempt; fails with a 429 when the account or the IP is over its limit. */
  public Future<Void> login(String email, String clientIp) {
    return admit(limits.loginPerAccount(), email, limits.loginPerIp(), clientIp);
  }

  /** Gives back the hits of a login that succeeded. */
  public Future<Void> loginSucceeded(String email, String clientIp) {
    List<Future<Void>> refunds = new ArrayList<>();
    refunds.add(limiter.refund(limits.loginPerAccount(), email));
    if (isKnown(clientIp)) {
      refunds.add(limiter.refund(limits.loginPerIp(), clientIp));
    }
    return Future.all(refunds).mapEmpty();
  }

  /** Counts a registration attempt; fails with a 429 when the email or the IP is over its limit. */
  public Future<Void> register(String email, String clientIp) {
    return admit(limits.registerPerAccount(), email, limits.registerPerIp(), clientIp);
  }

  /**
   * Counts a password-reset request; fails with a 429 when the email or the IP is over its limit,
   * whether or not the email is registered, so that the answer reveals nothing.
   */
  public Future<Void> passwordReset(String email, String clientIp) {
    return admit(limits.resetPerAccount(), email, limits.resetPerIp(), clientIp);
  }

  private Future<Void> admit(RateLimit perAccount, String email, RateLimit perIp, String clientIp) {
    List<Future<RateDecision>> hits = new ArrayList<>();
    hits.add(limiter.hit(perAccount, email));
    if (isKnown(clientIp)) {
      hits.add(limiter.hit(perIp, clientIp));
    }
    return RateLimiter.admitted(hits);
  }

  private static boolean isKnown(String clientIp) {
    return clientIp != null && !clientIp.isBlank();
  }
}
