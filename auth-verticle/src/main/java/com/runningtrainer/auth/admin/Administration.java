package com.runningtrainer.auth.admin;

import com.runningtrainer.auth.api.AuthEvents;
import com.runningtrainer.auth.session.Sessions;
import com.runningtrainer.auth.token.TokenIssuer;
import com.runningtrainer.auth.user.UserRepository;
import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Inputs;
import com.runningtrainer.common.api.Page;
import com.runningtrainer.common.auth.Revocations;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What an admin may do to accounts: list them, grant and remove roles, disable and enable them.
 * Whether the caller is an admin is read from the database on every call, not from the token,
 * so that a removed admin loses the power at once. Removing {@code coach} or disabling an account
 * is published on {@link AuthEvents#COACH_LOST} once committed, for the trainer to end
 * that user's coaching.
 */
public final class Administration {

  private static final Set<String> GRANTABLE = Set.of("coach", "admin");

  private final UserRepository users;
  private final Sessions sessions;
  private final Revocations revocations;
  private final EventBus bus;

  public Administration(UserRepository users, Sessions sessions, Revocations revocations, EventBus bus) {
    this.users = users;
    this.sessions = sessions;
    this.revocations = revocations;
    this.bus = bus;
  }

  public Future<JsonObject> listUsers(JsonObject principal, JsonObject query) {
    return asAdmin(principal, () -> users.page(query.getString("email"), Page.from(query)));
  }

  public Future<Void> grantRole(JsonObject principal, String userId, String role) {
    return asAdmin(principal, () -> users.grantRole(target(userId), grantable(role)).map(Administration::found));
  }

  public Future<Void> removeRole(JsonObject principal, String userId, String role) {
    return asAdmin(principal, () -> {
      UUID target = target(userId);
      return users.removeRole(target, grantable(role)).map(Administration::found).andThen(removed -> {
        if (removed.succeeded() && role.equals("coach")) {
          coachLost(target);
        }
      });
    });
  }

  /** Disables the account: it cannot log in or refresh, and every token it holds stops working now. */
  public Future<Void> disable(JsonObject principal, String userId) {
    return asAdmin(principal, () -> {
      UUID target = target(userId);
      return users.setDisabled(target, true).map(Administration::found)
          .andThen(disabled -> {
            if (disabled.succeeded()) {
              coachLost(target);
            }
          })
          .compose(done -> sessions.endEvery(target))
          .compose(done -> revocations.revokeUser(target.toString(), TokenIssuer.LIFETIME_SECONDS));
    });
  }

  public Future<Void> enable(JsonObject principal, String userId) {
    return asAdmin(principal, () -> users.setDisabled(target(userId), false).map(Administration::found));
  }

  /** Any user disabled is published too, coach or not: cheaper than asking, and harmless. */
  private void coachLost(UUID userId) {
    bus.publish(AuthEvents.COACH_LOST, new JsonObject().put("user_id", userId.toString()));
  }

  private <T> Future<T> asAdmin(JsonObject principal, Supplier<Future<T>> action) {
    return users.isAdmin(Inputs.caller(principal.getString("sub"))).compose(admin -> admin
        ? action.get()
        : Future.failedFuture(Failures.forbidden("only an admin may do this")));
  }

  private static UUID target(String userId) {
    return Inputs.uuid("id", userId);
  }

  private static String grantable(String role) {
    if (!GRANTABLE.contains(role)) {
      throw Failures.unprocessable("role", "must be coach or admin: every account is an athlete");
    }
    return role;
  }

  private static Void found(boolean found) {
    return Failures.doneOrNotFound(found, "user");
  }
}
