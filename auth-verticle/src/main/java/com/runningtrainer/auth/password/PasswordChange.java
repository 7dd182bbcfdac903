package com.runningtrainer.auth.password;

import com.runningtrainer.auth.session.Sessions;
import com.runningtrainer.auth.throttle.AuthThrottle;
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
  private final Passwords passwords;
  private final PasswordPolicy policy;
  private final AuthThrottle throttle;
  private final Sessions sessions;

  public PasswordChange(UserRepository users, Passwords passwords, PasswordPolicy policy, AuthThrottle throttle,
      Sessions sessions) {
    this.users = users;
    this.passwords = passwords;
    this.policy = policy;
    this.throttle = throttle;
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
    return users.findCredentialsById(userId).compose(user -> {
      if (user == null) {
        return Future.failedFuture(Failures.unauthorized("the account no longer exists"));
      }
      // An account without an email (a Strava login) has no password to guess: its id is its key.
      String account = user.getString("email") == null ? user.getString("id") : user.getString("email");
      return throttle.login(account, clientIp)
          .compose(admitted -> passwords.verify(current, user.getString("password_hash")))
          .compose(matches -> matches
              ? throttle.loginSucceeded(account, clientIp)
              : Future.failedFuture(Failures.invalid("current_password", "is not the password of this account")))
          .compose(proved -> passwords.hash(next))
          .compose(hash -> users.changePassword(userId, hash))
          .compose(changed -> sessions.endEveryBut(userId, UUID.fromString(principal.getString("sid"))));
    });
  }
}
