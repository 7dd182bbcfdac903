package com.runningtrainer.auth.email;

import com.runningtrainer.common.config.Config;
import java.util.Optional;

/**
 * Where mail goes and what its links point at, from {@code SMTP_*} and {@code PUBLIC_BASE_URL}.
 *
 * @param host the SMTP server; empty to write mails to the log instead (local use)
 * @param publicBaseUrl the base of the links in mails, without a trailing slash
 */
public record MailSettings(Optional<String> host, int port, Optional<String> user, Optional<String> password,
    String from, String publicBaseUrl) {

  public static final String DEFAULT_PUBLIC_BASE_URL = "http://localhost:8004";

  public static MailSettings from(Config config) {
    return new MailSettings(
        config.find("SMTP_HOST"),
        config.integer("SMTP_PORT", 587),
        config.find("SMTP_USER"),
        config.find("SMTP_PASSWORD"),
        config.string("SMTP_FROM", "Running Trainer <no-reply@localhost>"),
        config.string("PUBLIC_BASE_URL", DEFAULT_PUBLIC_BASE_URL).replaceAll("/+$", ""));
  }
}
