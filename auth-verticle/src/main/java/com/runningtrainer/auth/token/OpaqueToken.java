package com.runningtrainer.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * An opaque token (a refresh token, a mailed link's token): 256 random bits as base64url, safe
 * in a URL as it is, given to its holder once and stored only as its SHA-256 hash, so that the
 * table alone opens nothing. Being no JWT, it never passes for an access token.
 */
public record OpaqueToken(String value, byte[] hash) {

  private static final SecureRandom RANDOM = new SecureRandom();

  public static OpaqueToken generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new OpaqueToken(value, hash(value));
  }

  public static byte[] hash(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
