package com.runningtrainer.auth.password;

import com.runningtrainer.auth.session.Sessions;
import com.runningtrainer.auth.user.UserRepository;
import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Inputs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * A signed-in user changing their password: the current one proves it is the owner and not
 * someone at a session left open, so a wrong one counts as a failed login (the same throttle);
 * the new one follows the rules of registration, and every other session of the user ends.
 */
public final class PasswordChange {

  private final UserRepository users;
  private final CurrentPassword proof;
  private final Passwords passwords;
  private final PasswordPolicy policy;
  private final Sessions sessions;

  public PasswordChange(UserRepository users, CurrentPassword proof, Passwords passwords, PasswordPolicy policy,
      Sessions sessions) {
    this.users = users;
    this.proof = proof;
    this.passwords = passwords;
    this.policy = policy;
    this.sessions = sessions;
  }

  /**
   * Sets {@code password} for the caller whose {@code current_password} matches; 400 naming
   * {@code current_password} when it does not, or {@code password} when the new one breaks the
   * rules (checked first, so that a refused new password costs no guess).
   *
   * @param principal the caller's verified claims: {@code sub} and the session {@code sid} that stays open
   * @param clientIp the caller's IP, or null
   */
  public Future<Void> change(JsonObject principal, JsonObject body, String clientIp) {
    UUID userId = Inputs.caller(principal.getString("sub"));
    String current = body.getString("current_password");
    String next = body.getString("password");
    if (current == null) {
      return Future.failedFuture(Failures.invalid("current_password", "is required"));
    }
    if (next == null) {
      return Future.failedFuture(Failures.invalid("password", "is required"));
    }
    policy.check(next);
    return proof.prove(userId, current, clientIp)
        .compose(user -> passwords.hash(next))
        .compose(hash -> users.changePassword(userId, hash))
        .compose(changed -> sessions.endEveryBut(userId, UUID.fromString(principal.getString("sid"))));
  }
}
