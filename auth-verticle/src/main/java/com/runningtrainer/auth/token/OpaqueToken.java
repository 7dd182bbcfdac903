package com.runningtrainer.auth.token;

import com.runningtrainer.common.crypto.RandomSecret;
import com.runningtrainer.common.crypto.Sha256;

/**
 * An opaque token (a refresh token, a mailed link's token): 256 random bits as base64url, safe
 * in a URL as it is, given to its holder once and stored only as its SHA-256 hash, so that the
 * table alone opens nothing. Being no JWT, it never passes for an access token.
 */
public record OpaqueToken(String value, byte[] hash) {

  public static OpaqueToken generate() {
    String value = RandomSecret.next();
    return new OpaqueToken(value, hash(value));
  }

  public static byte[] hash(String value) {
    return Sha256.of(value);
  }
}
