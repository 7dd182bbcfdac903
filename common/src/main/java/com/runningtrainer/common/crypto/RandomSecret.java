package com.runningtrainer.common.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret to hand out once (a refresh token, a feed URL, an OAuth state): 256 random bits as
 * base64url without padding, 43 characters safe in a URL or a path as they are.
 */
public final class RandomSecret {

  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomSecret() {
  }

  public static String next() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
