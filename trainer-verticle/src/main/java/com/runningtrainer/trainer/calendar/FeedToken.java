package com.runningtrainer.trainer.calendar;

import com.runningtrainer.common.crypto.RandomSecret;
import com.runningtrainer.common.crypto.Sha256;
import java.util.HexFormat;

/**
 * The secret of a feed's URL: 256 random bits, base64url without padding (43 characters, safe in
 * a path). Only its SHA-256 is stored: a fast hash is enough for a random secret of this size,
 * which no dictionary holds.
 */
public record FeedToken(String value) {

  public static FeedToken random() {
    return new FeedToken(RandomSecret.next());
  }

  /** What the database keeps and looks the feed up by. */
  public byte[] hash() {
    return Sha256.of(value);
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
