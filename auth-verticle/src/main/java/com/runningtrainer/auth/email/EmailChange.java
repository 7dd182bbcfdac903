package com.runningtrainer.auth.email;

import com.runningtrainer.auth.password.CurrentPassword;
import com.runningtrainer.auth.throttle.AuthThrottle;
import com.runningtrainer.auth.token.OpaqueToken;
import com.runningtrainer.auth.user.Credentials;
import com.runningtrainer.auth.user.UserRepository;
import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Inputs;
import com.runningtrainer.common.db.SqlStates;
import com.runningtrainer.common.mail.Mail;
import com.runningtrainer.common.mail.Mailer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A signed-in user changing their email. Asking takes the current password (a wrong one counts
 * as a failed login, as a password change does) and mails the new address a link; the email
 * changes only when that link comes back, which proves the new mailbox. The old address is told
 * of the request. An address that has an account is answered exactly as a free one, and its
 * owner gets a mail saying that someone tried, so that asking tells nobody who is registered.
 * Sessions are left as they are: the password is the same, and the owner proved it.
 */
public final class EmailChange {

  private static final Logger LOG = LoggerFactory.getLogger(EmailChange.class);

  private final UserRepository users;
  private final EmailChangeRepository changes;
  private final CurrentPassword proof;
  private final AuthThrottle throttle;
  private final Letters letters;
  private final Mailer mailer;

  public EmailChange(UserRepository users, EmailChangeRepository changes, CurrentPassword proof, AuthThrottle throttle,
      Letters letters, Mailer mailer) {
    this.users = users;
    this.changes = changes;
    this.proof = proof;
    this.throttle = throttle;
    this.letters = letters;
    this.mailer = mailer;
  }

  /**
   * Asks to change the caller's email to {@code email} when {@code current_password} is theirs;
   * 400 naming {@code current_password} when it is not, or {@code email} when it is the
   * account's own. Cancels the changes asked before, then completes the same way, after the
   * same work, whether or not the address is taken: the token and the mails go out after the answer.
   *
   * @param principal the caller's verified claims
   * @param clientIp the caller's IP, or null
   */
  public Future<Void> request(JsonObject principal, JsonObject body, String clientIp) {
    UUID userId = Inputs.caller(principal.getString("sub"));
    String current = body.getString("current_password");
    String given = body.getString("email");
    if (current == null) {
      return Future.failedFuture(Failures.invalid("current_password", "is required"));
    }
    if (given == null || given.isBlank()) {
      return Future.failedFuture(Failures.invalid("email", "is required"));
    }
    String email = Credentials.normalize(given);
    return proof.prove(userId, current, clientIp)
        .compose(user -> email.equals(user.getString("email"))
            ? Future.<JsonObject>failedFuture(Failures.invalid("email", "is the email of this account already"))
            // Mails to an address on someone's request share the limit of reset links to it.
            : throttle.passwordReset(email, clientIp).map(admitted -> user))
        .compose(user -> changes.cancel(userId).map(cancelled -> user))
        .compose(user -> users.findByEmail(email).map(owner -> {
          mail(user, email, owner != null);
          return null;
        }));
  }

  private void mail(JsonObject user, String email, boolean taken) {
    UUID userId = UUID.fromString(user.getString("id"));
    if (taken) {
      send(letters.emailChangeAttempt(email), "email-change attempt notice", userId);
    } else {
      OpaqueToken token = OpaqueToken.generate();
      changes.issue(userId, email, token)
          .onSuccess(stored -> send(letters.emailChange(email, token.value()), "email-change link", userId))
          .onFailure(failure -> LOG.warn("no email-change link for user {}: {}", userId, failure.toString()));
    }
    String before = user.getString("email");
    if (before != null) {
      send(letters.emailChangeNotice(before, email), "email-change notice", userId);
    }
  }

  private void send(Mail mail, String what, UUID userId) {
    mailer.send(mail).onFailure(failure -> LOG.warn("{} for user {} not sent: {}", what, userId, failure.toString()));
  }

  /**
   * Makes the token's address the email of its user, verified; 400 for a token unknown, used or
   * expired, 409 when another account has taken the address since the change was asked.
   */
  public Future<Void> confirm(String token) {
    if (token == null || token.isBlank()) {
      return Future.failedFuture(Failures.invalid("token", "is required"));
    }
    return changes.confirm(token).recover(failure -> Future.failedFuture(SqlStates.isUniqueViolation(failure)
            ? Failures.conflict("another account has this email address now: ask for the change again with another one")
            : failure))
        .compose(userId -> userId == null
            ? Future.failedFuture(Failures.invalid("token", "is unknown, used already or expired"))
            : Future.succeededFuture());
  }
}
