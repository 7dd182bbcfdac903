package com.runningtrainer.auth.password;

import com.runningtrainer.auth.throttle.AuthThrottle;
import com.runningtrainer.auth.user.UserRepository;
import com.runningtrainer.common.api.Failures;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * The proof a signed-in user gives before changing what guards their account (its password, its
 * email): the current password, checked as a login checks it, so that a stolen session cannot
 * guess it faster than a login could.
 */
public final class CurrentPassword {

  private final UserRepository users;
  private final Passwords passwords;
  private final AuthThrottle throttle;

  public CurrentPassword(UserRepository users, Passwords passwords, AuthThrottle throttle) {
    this.users = users;
    this.passwords = passwords;
    this.throttle = throttle;
  }

  /**
   * The caller's account (as {@link UserRepository#findCredentialsById} reads it) once
   * {@code current} is its password: 401 when the account is gone, 400 naming
   * {@code current_password} when it is not its password (a failed login), 429 past the login limits.
   */
  public Future<JsonObject> prove(UUID userId, String current, String clientIp) {
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
          .map(proved -> user);
    });
  }
}
