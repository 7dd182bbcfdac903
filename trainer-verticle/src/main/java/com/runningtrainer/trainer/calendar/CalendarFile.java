package com.runningtrainer.trainer.calendar;

import com.runningtrainer.common.crypto.Sha256;
import java.util.Base64;

/**
 * A feed as sent: the iCalendar text and its strong ETag, the SHA-256 of its bytes, so that an
 * app that has the same copy gets a 304.
 */
public record CalendarFile(String text, String etag) {

  public static CalendarFile of(String text) {
    byte[] digest = Sha256.of(text);
    return new CalendarFile(text, "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"");
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
