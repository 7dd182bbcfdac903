package com.runningtrainer.common.mail;

import com.runningtrainer.common.config.Config;
import java.util.Optional;

/**
 * Where mail goes and who sends it, from {@code SMTP_*}.
 *
 * @param host the SMTP server; empty to write mails to the log instead (local use)
 * @param from the sender every service's mails carry
 */
public record MailSettings(Optional<String> host, int port, Optional<String> user, Optional<String> password,
    String from) {

  public static MailSettings from(Config config) {
    return new MailSettings(
        config.find("SMTP_HOST"),
        config.integer("SMTP_PORT", 587),
        config.find("SMTP_USER"),
        config.find("SMTP_PASSWORD"),
        config.string("SMTP_FROM", "Running Trainer <no-reply@localhost>"));
  }
}
