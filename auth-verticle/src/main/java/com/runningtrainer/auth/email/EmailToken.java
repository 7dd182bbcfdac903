package com.runningtrainer.auth.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A token sent in a link by mail: 256 random bits as base64url (safe in a URL as it is), given
 * out once and stored only as its SHA-256 hash, like a refresh token.
 */
public record EmailToken(String value, byte[] hash) {

  private static final SecureRandom RANDOM = new SecureRandom();

  public static EmailToken generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new EmailToken(value, hash(value));
  }

  public static byte[] hash(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
