package com.runningtrainer.common.auth;

import java.util.Set;

/**
 * Where the revocation list lives in Redis, and how an entry travels on its channel: the names
 * the writing side ({@link Revocations}) and the reading side ({@link RevocationFeed}) share.
 */
record RevocationKeys(String prefix) {

  private static final Set<String> KINDS = Set.of("jti", "sid", "user");
  private static final String RESTORED = "restored";

  String of(String kind, String subject) {
    return prefix + "revoked:" + kind + ":" + subject;
  }

  /** Present once the list in Redis is whole. */
  String loaded() {
    return prefix + "revoked:loaded";
  }

  /** The number of the last change to the list. */
  String sequence() {
    return prefix + "revoked:seq";
  }

  String channel() {
    return prefix + "revoked";
  }

  /** Every key of the list, its marker and sequence included. */
  String pattern() {
    return prefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "revoked:*";
  }

  /** The entry of a key of the list, or null for the marker, the sequence or anything else. */
  Revocation entry(String key, String value, long ttlSeconds, long nowSeconds) {
    String rest = key.substring(prefix.length() + "revoked:".length());
    int colon = rest.indexOf(':');
    if (colon < 0 || !KINDS.contains(rest.substring(0, colon))) {
      return null;
    }
    String kind = rest.substring(0, colon);
    return new Revocation(kind, rest.substring(colon + 1), kind.equals("user") ? Long.parseLong(value) : 0,
        nowSeconds + ttlSeconds);
  }

  /** What the channel carries after the sequence number: kind, subject, revoked before, expires at. */
  static String message(Revocation revocation) {
    return revocation.kind() + " " + revocation.subject() + " " + revocation.revokedBefore() + " " + revocation.expiresAt();
  }

  /** What the channel carries after the sequence number when the whole list was written anew. */
  static String restoredMessage() {
    return RESTORED;
  }

  /**
   * A message of the channel: the sequence number and the revocation it tells, or no revocation
   * when the whole list was written anew (a snapshot says what it holds).
   */
  record Told(long sequence, Revocation revocation) {

    static Told parse(String message) {
      String[] parts = message.split(" ");
      if (parts.length == 2 && parts[1].equals(RESTORED)) {
        return new Told(Long.parseLong(parts[0]), null);
      }
      return new Told(Long.parseLong(parts[0]),
          new Revocation(parts[1], parts[2], Long.parseLong(parts[3]), Long.parseLong(parts[4])));
    }

    boolean isRestore() {
      return revocation == null;
    }
  }
}
