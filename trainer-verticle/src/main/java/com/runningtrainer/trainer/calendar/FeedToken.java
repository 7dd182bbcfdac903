package com.runningtrainer.trainer.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret of a feed's URL: 256 random bits, base64url without padding (43 characters, safe in
 * a path). Only its SHA-256 is stored: a fast hash is enough for a random secret of this size,
 * which no dictionary holds.
 */
public record FeedToken(String value) {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BYTES = 32;

  public static FeedToken random() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return new FeedToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** What the database keeps and looks the feed up by. */
  public byte[] hash() {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** The hash in hex: names the feed in a rate-limit counter without giving its secret away. */
  public String hashHex() {
    return HexFormat.of().formatHex(hash());
  }

  @Override
  public String toString() {
    return "FeedToken[...]";
  }
}
