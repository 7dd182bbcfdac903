package com.runningtrainer.common.auth;

/** The token of an {@code Authorization: Bearer <token>} header (the scheme in any case, RFC 9110 11.1). */
public final class BearerTokens {

  private static final String BEARER = "Bearer ";

  private BearerTokens() {
  }

  /** The token, or null when the header is absent or of another scheme. */
  public static String of(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    return authorization.substring(BEARER.length()).trim();
  }
}
