package com.runningtrainer.auth.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * An opaque refresh token: 256 random bits, given to the client once and stored only as its
 * SHA-256 hash. Being no JWT, it can never pass for an access token.
 */
public record RefreshToken(String value, byte[] hash) {

  public static final int LIFETIME_DAYS = 30;
  private static final SecureRandom RANDOM = new SecureRandom();

  public static RefreshToken generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new RefreshToken(value, hash(value));
  }

  public static byte[] hash(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
