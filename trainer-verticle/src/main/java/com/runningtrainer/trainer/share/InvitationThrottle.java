package com.runningtrainer.trainer.share;

import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.ratelimit.RateLimit;
import com.runningtrainer.common.ratelimit.RateLimiter;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Limits the invitations one athlete sends and one address receives, each a mail to someone
 * else: by default 20 per athlete and 5 per address a day ({@code INVITE_LIMIT_PER_INVITER},
 * {@code INVITE_LIMIT_PER_RECIPIENT}, {@code INVITE_LIMIT_WINDOW_SECONDS}). Every attempt
 * counts, refused ones too, so that inviting, revoking and inviting again wears the budget as
 * much as inviting many. Over a limit, a 429 with {@code Retry-After}; Redis down lets
 * invitations through (see {@link RateLimiter}).
 */
public final class InvitationThrottle {

  private final RateLimiter limiter;
  private final RateLimit perInviter;
  private final RateLimit perRecipient;

  public InvitationThrottle(RateLimiter limiter, Config config) {
    Duration window = Duration.ofSeconds(config.integer("INVITE_LIMIT_WINDOW_SECONDS", 24 * 60 * 60));
    this.limiter = limiter;
    this.perInviter = new RateLimit("trainer:invite:inviter", config.integer("INVITE_LIMIT_PER_INVITER", 20), window);
    this.perRecipient = new RateLimit("trainer:invite:recipient", config.integer("INVITE_LIMIT_PER_RECIPIENT", 5), window);
  }

  /** Counts an invitation from the athlete to the lower-cased email; fails with a 429 over a limit. */
  public Future<Void> admit(UUID inviter, String recipient) {
    return RateLimiter.admitted(
        List.of(limiter.hit(perInviter, inviter.toString()), limiter.hit(perRecipient, recipient)));
  }
}
