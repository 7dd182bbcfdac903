package com.runningtrainer.auth.email;

import com.runningtrainer.auth.password.PasswordPolicy;
import com.runningtrainer.auth.password.Passwords;
import com.runningtrainer.auth.session.Sessions;
import com.runningtrainer.auth.user.Credentials;
import com.runningtrainer.auth.user.UserRepository;
import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Futures;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A forgotten password: a link mailed on request, whose token, posted back once within an hour
 * with a new password, sets it and ends every session of the user (every token of theirs stops
 * working). Asking never tells whether an email is registered.
 */
public final class PasswordReset {

  private static final Logger LOG = LoggerFactory.getLogger(PasswordReset.class);

  private final UserRepository users;
  private final EmailTokenRepository tokens;
  private final TokenMails mails;
  private final Passwords passwords;
  private final PasswordPolicy policy;
  private final Sessions sessions;

  /** @param policy the rules of a new password, the same as at registration */
  public PasswordReset(UserRepository users, EmailTokenRepository tokens, TokenMails mails, Passwords passwords,
      PasswordPolicy policy, Sessions sessions) {
    this.users = users;
    this.tokens = tokens;
    this.mails = mails;
    this.passwords = passwords;
    this.policy = policy;
    this.sessions = sessions;
  }

  /**
   * Mails a reset link if the email is registered. Completes the same way, after the same one
   * lookup, whether it is or not: the token is stored and the mail sent after the answer.
   */
  public Future<Void> request(String email) {
    if (email == null || email.isBlank()) {
      return Future.failedFuture(Failures.invalid("email", "is required"));
    }
    return users.findByEmail(Credentials.normalize(email)).map(user -> {
      if (user != null) {
        mails.send(user, Purpose.RESET).onFailure(failure ->
            LOG.warn("no reset link for user {}: {}", user.getString("id"), failure.toString()));
      }
      return null;
    });
  }

  /**
   * Sets the new password of the token's user, uses the token up, and ends every session of the
   * user; 400 for a token unknown, used or expired, or a password that breaks the rules.
   */
  public Future<Void> confirm(String token, String password) {
    return Futures.attempt(() -> checked(token, password))
        .compose(passwords::hash)
        .compose(hash -> tokens.consume(token, Purpose.RESET).compose(userId -> userId == null
            ? Future.failedFuture(Failures.invalid("token", "is unknown, used already or expired"))
            : users.resetPassword(userId, hash).compose(reset -> sessions.endEvery(userId))));
  }

  private String checked(String token, String password) {
    if (token == null || token.isBlank()) {
      throw Failures.invalid("token", "is required");
    }
    if (password == null) {
      throw Failures.invalid("password", "is required");
    }
    policy.check(password);
    return password;
  }
}
