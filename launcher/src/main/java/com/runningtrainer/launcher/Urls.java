package com.runningtrainer.launcher;

/** Connection URLs made fit for logs. */
final class Urls {

  private static final String MASK = "***";

  private Urls() {
  }

  /**
   * The URL with the password of its user info replaced by {@code ***}. The last {@code @} ends
   * the user info, so that an unescaped {@code @} inside a password stays hidden too: masking too
   * much is the safe mistake.
   */
  static String maskPassword(String url) {
    int schemeEnd = url.indexOf("://");
    if (schemeEnd < 0) {
      return url;
    }
    int start = schemeEnd + 3;
    int at = url.lastIndexOf('@');
    if (at < start) {
      return url;
    }
    int colon = url.indexOf(':', start);
    if (colon < 0 || colon > at) {
      return url;
    }
    return url.substring(0, colon + 1) + MASK + url.substring(at);
  }
}
