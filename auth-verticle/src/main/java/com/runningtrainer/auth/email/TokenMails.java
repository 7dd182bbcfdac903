package com.runningtrainer.auth.email;

import com.runningtrainer.auth.token.OpaqueToken;
import com.runningtrainer.common.mail.Mailer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a user a new token and mails it to them in a link. The future completes once the token
 * is stored; the mail goes out after that, and a failure to send it is logged (never with the
 * token) rather than raised, since the user can always ask again.
 */
public final class TokenMails {

  private static final Logger LOG = LoggerFactory.getLogger(TokenMails.class);

  private final EmailTokenRepository tokens;
  private final Letters letters;
  private final Mailer mailer;

  public TokenMails(EmailTokenRepository tokens, Letters letters, Mailer mailer) {
    this.tokens = tokens;
    this.letters = letters;
    this.mailer = mailer;
  }

  public Future<Void> send(JsonObject user, Purpose purpose) {
    UUID userId = UUID.fromString(user.getString("id"));
    OpaqueToken token = OpaqueToken.generate();
    return tokens.issue(userId, purpose, token).onSuccess(stored -> mailer
        .send(letters.of(purpose, user.getString("email"), token.value()))
        .onFailure(failure -> LOG.warn("{} mail to user {} not sent: {}", purpose.stored(), userId, failure.toString())));
  }
}
