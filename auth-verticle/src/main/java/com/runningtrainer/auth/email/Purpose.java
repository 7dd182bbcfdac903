package com.runningtrainer.auth.email;

import java.time.Duration;

/** What a token sent by mail is for, and how long it stays usable. */
public enum Purpose {
  VERIFICATION("verification", Duration.ofHours(24)),
  RESET("reset", Duration.ofHours(1)),
  // Short, like a reset: whoever asked is waiting for the mail, and a link left lying in a
  // mailbox would hand the account to that mailbox.
  EMAIL_CHANGE("email_change", Duration.ofHours(1));

  private final String stored;
  private final Duration lifetime;

  Purpose(String stored, Duration lifetime) {
    this.stored = stored;
    this.lifetime = lifetime;
  }

  /** The name kept in {@code email_tokens.purpose}. */
  public String stored() {
    return stored;
  }

  public Duration lifetime() {
    return lifetime;
  }
}
