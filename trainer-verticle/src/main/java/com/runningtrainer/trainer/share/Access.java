package com.runningtrainer.trainer.share;

import com.runningtrainer.common.api.Failures;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.function.Supplier;

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
    return shares.access(caller, athlete).map(access -> Failures.orNotFound(access, "athlete")).map(access -> {
      if (writes && !READ_WRITE.equals(access)) {
        throw readOnly();
      }
      return athlete;
    });
  }

  /**
   * Refuses with 403 a coach's change to the owner's data, which they can read, when the share
   * is read-only. Succeeds when the caller may write to the owner's data: a refused change then
   * has another reason.
   */
  public Future<Void> refuseWhenReadOnly(UUID caller, UUID owner) {
    if (owner.equals(caller)) {
      return Future.succeededFuture();
    }
    return shares.access(caller, owner)
        .compose(access -> READ_WRITE.equals(access) ? Future.succeededFuture() : Future.failedFuture(readOnly()));
  }

  public static RuntimeException readOnly() {
    return Failures.forbidden("this athlete shares their training with you read-only");
  }

  /** Whose plan, workout or run a row is. */
  public static UUID ownerOf(JsonObject row) {
    return UUID.fromString(row.getString("owner_id"));
  }

  /**
   * The row a guarded write returned. A write the SQL refused returns none, and only a second
   * look tells why (absent, refused by a share, or present but breaking a rule): {@code whyNot}
   * looks, and fails with the reason.
   */
  public static <T> Future<T> orExplain(Future<T> written, Supplier<Future<T>> whyNot) {
    return written.compose(row -> row != null ? Future.succeededFuture(row) : whyNot.get());
  }

  /** As {@link #orExplain}, for a guarded delete, which answers whether it deleted. */
  public static Future<Void> orExplainDeletion(Future<Boolean> deleted, Supplier<Future<Void>> whyNot) {
    return deleted.compose(done -> done ? Future.succeededFuture() : whyNot.get());
  }
}
