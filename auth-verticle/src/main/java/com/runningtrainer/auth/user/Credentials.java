package com.runningtrainer.auth.user;

import com.runningtrainer.common.api.Failures;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * An email and a password as given. Emails are kept trimmed and lower-cased, so that one
 * person has one account whatever the case they type.
 */
public record Credentials(String email, String password) {

  public static Credentials from(JsonObject body) {
    String email = body.getString("email");
    String password = body.getString("password");
    if (email == null || email.isBlank()) {
      throw Failures.invalid("email", "is required");
    }
    if (password == null || password.isEmpty()) {
      throw Failures.invalid("password", "is required");
    }
    return new Credentials(normalize(email), password);
  }

  /** The email as stored: trimmed and lower-cased. */
  public static String normalize(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}
