package com.runningtrainer.auth.email;

import com.runningtrainer.common.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the owner of a registered address that someone tried to register with it. Registering
 * answers a taken email exactly as it answers a new one, so this mail, read only by whoever
 * holds the mailbox, is the one place where the difference shows.
 */
public final class TakenEmailNotice {

  private static final Logger LOG = LoggerFactory.getLogger(TakenEmailNotice.class);

  private final Letters letters;
  private final Mailer mailer;

  public TakenEmailNotice(Letters letters, Mailer mailer) {
    this.letters = letters;
    this.mailer = mailer;
  }

  /** Mails the notice without waiting, as the welcome of a new account goes: a failure is logged. */
  public void send(String email) {
    mailer.send(letters.registrationAttempt(email)).onFailure(failure ->
        LOG.warn("no registration-attempt notice sent: {}", failure.toString()));
  }
}
