package com.runningtrainer.common.auth;

import io.vertx.ext.auth.User;

/**
 * The {@code iat} and {@code exp} of a verified token. Vert.x moves them out of the principal
 * into the user's attributes, so both places are read.
 */
public final class TokenTimes {

  private TokenTimes() {
  }

  /** Epoch seconds; 0 when the token has no such claim. */
  static long claim(User user, String name) {
    Object value = user.principal().getValue(name);
    if (!(value instanceof Number)) {
      value = user.attributes().getValue(name);
    }
    return value instanceof Number number ? number.longValue() : 0;
  }

  public static long expiry(User user) {
    return claim(user, "exp");
  }

  static long issuedAt(User user) {
    return claim(user, "iat");
  }
}
