package com.runningtrainer.auth.email;

import com.runningtrainer.auth.user.UserRepository;
import com.runningtrainer.common.api.Failures;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proving that a user reads mail at their address: a link mailed at registration (and again on
 * request) whose token, posted back once within 24 hours, marks the email verified. When
 * {@code EMAIL_VERIFICATION_REQUIRED}, only verified users may log in.
 */
public final class EmailVerification {

  private static final Logger LOG = LoggerFactory.getLogger(EmailVerification.class);

  private final UserRepository users;
  private final EmailTokenRepository tokens;
  private final TokenMails mails;
  private final boolean required;

  public EmailVerification(UserRepository users, EmailTokenRepository tokens, TokenMails mails, boolean required) {
    this.users = users;
    this.tokens = tokens;
    this.mails = mails;
    this.required = required;
  }

  /**
   * Mails a new account its link, without waiting: the account exists whether or not the mail
   * goes out, so a failure is logged and the user can ask for another link.
   */
  public void welcome(JsonObject user) {
    mails.send(user, Purpose.VERIFICATION).onFailure(failure ->
        LOG.warn("no verification link for new user {}: {}", user.getString("id"), failure.toString()));
  }

  /** Mails the user a new link; 409 when their email is verified already. */
  public Future<Void> resend(UUID userId) {
    return users.findById(userId).compose(user -> {
      if (user == null) {
        return Future.failedFuture(Failures.unauthorized("the account no longer exists"));
      }
      if (user.getBoolean("email_verified")) {
        return Future.failedFuture(Failures.conflict("the email address is verified already"));
      }
      return mails.send(user, Purpose.VERIFICATION);
    });
  }

  /** Marks the email of the token's user verified; 400 for a token unknown, used or expired. */
  public Future<Void> verify(String token) {
    if (token == null || token.isBlank()) {
      return Future.failedFuture(Failures.invalid("token", "is required"));
    }
    return tokens.consume(token, Purpose.VERIFICATION).compose(userId -> userId == null
        ? Future.failedFuture(Failures.invalid("token", "is unknown, used already or expired"))
        : users.markEmailVerified(userId));
  }

  /**
   * The user who has just proved their password, if they may log in: 403 while their email is
   * unverified and verification is required. Said only after the password matched, so that it
   * tells nothing about an account to anyone without its password.
   */
  public Future<JsonObject> admit(JsonObject user) {
    if (required && !user.getBoolean("email_verified")) {
      return Future.failedFuture(Failures.forbidden("the email address must be verified before logging in: follow the "
          + "link in the mail we sent, or reset the password to get a new one"));
    }
    return Future.succeededFuture(user);
  }
}
