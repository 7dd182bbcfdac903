package com.runningtrainer.trainer.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A feed as sent: the iCalendar text and its strong ETag, the SHA-256 of its bytes, so that an
 * app that has the same copy gets a 304.
 */
public record CalendarFile(String text, String etag) {

  public static CalendarFile of(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return new CalendarFile(text, "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /**
   * Whether {@code If-None-Match} names this copy (RFC 9110 13.1.2: a list of ETags, compared
   * weakly, or {@code *}). The quotes are optional here: the contract's validator hands a header
   * that is one quoted string over unquoted.
   */
  public boolean matches(String ifNoneMatch) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String trimmed = tag.trim();
      String strong = trimmed.startsWith("W/") ? trimmed.substring(2) : trimmed;
      if (trimmed.equals("*") || unquoted(strong).equals(unquoted(etag))) {
        return true;
      }
    }
    return false;
  }

  private static String unquoted(String tag) {
    return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag;
  }
}
