package com.runningtrainer.pdf.job;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The name a PDF is saved under, from the plan's name: {@code Content-Disposition: attachment}
 * with an ASCII {@code filename} (accents dropped, anything else unsafe replaced) and the exact
 * name in RFC 5987's {@code filename*}.
 */
public final class FileNames {

  private static final int MAX_LENGTH = 100;

  private FileNames() {
  }

  /** The file's name: the plan's name without control or path characters, {@code .pdf} added. */
  public static String of(String planName) {
    String cleaned = planName == null ? "" : planName.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]", " ")
        .replaceAll("\\s+", " ").strip();
    if (cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '.')) {
      cleaned = "training-plan";
    }
    if (cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
      cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_LENGTH)).strip();
    }
    return cleaned + ".pdf";
  }

  /** The header value for a file of this name. */
  public static String contentDisposition(String fileName) {
    String name = fileName == null ? "training-plan.pdf" : fileName;
    return "attachment; filename=\"" + ascii(name) + "\"; filename*=UTF-8''" + rfc5987(name);
  }

  static String ascii(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    StringBuilder ascii = new StringBuilder();
    decomposed.chars().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' && c != ';'
        ? (char) c : '_'));
    return ascii.toString();
  }

  static String rfc5987(String name) {
    // URLEncoder is form encoding: a space becomes '+'; RFC 5987 wants %20, and keeps only attr-chars.
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
        .replace("%7E", "~");
  }
}
