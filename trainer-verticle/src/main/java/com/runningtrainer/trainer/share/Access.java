package com.runningtrainer.trainer.share;

import com.runningtrainer.common.api.Failures;
import io.vertx.core.Future;
import java.util.UUID;

/**
 * Whose data a caller acts on, and why a change was refused. The repositories enforce every
 * rule in their SQL; this only tells the caller, before or after, what the SQL decided: 404
 * where no active share exists (so that nothing is revealed), 403 where the share does not
 * allow the change.
 */
public final class Access {

  public static final String READ_WRITE = "read_write";

  private final ShareRepository shares;

  public Access(ShareRepository shares) {
    this.shares = shares;
  }

  /** The athlete named when they share with the caller; the caller when none is named. */
  public Future<UUID> reader(UUID caller, UUID athlete) {
    return actingFor(caller, athlete, false);
  }

  /** As {@link #reader}, and the share must be read-write: 403 otherwise. */
  public Future<UUID> writer(UUID caller, UUID athlete) {
    return actingFor(caller, athlete, true);
  }

  private Future<UUID> actingFor(UUID caller, UUID athlete, boolean writes) {
    if (athlete == null || athlete.equals(caller)) {
      return Future.succeededFuture(caller);
    }
    return shares.access(caller, athlete).map(access -> {
      if (access == null) {
        throw Failures.notFound("athlete");
      }
      if (writes && !READ_WRITE.equals(access)) {
        throw readOnly();
      }
      return athlete;
    });
  }

  /**
   * Why a coach's change to the athlete's {@code what}, which they can read, was refused: 403.
   * Null when the caller may write to the owner's data, and the refusal has another reason.
   */
  public Future<RuntimeException> refusal(UUID caller, UUID owner) {
    if (owner.equals(caller)) {
      return Future.succeededFuture(null);
    }
    return shares.access(caller, owner).map(access -> READ_WRITE.equals(access) ? null : readOnly());
  }

  public static RuntimeException readOnly() {
    return Failures.forbidden("this athlete shares their training with you read-only");
  }
}
