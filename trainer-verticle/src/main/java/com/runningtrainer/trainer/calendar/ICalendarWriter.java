package com.runningtrainer.trainer.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes an iCalendar file (RFC 5545) of all-day events, as a calendar app subscribes to it:
 * text values escaped (3.3.11), control characters but the tab dropped (they are not allowed in
 * TEXT), lines ended by CRLF and folded at 75 octets (3.1) without ever splitting a UTF-8
 * sequence, whatever the text. Pure: the same calendar always gives the same bytes, which the
 * feed's ETag relies on.
 */
public final class ICalendarWriter {

  /** What a product names itself in PRODID (4.7.3). */
  public static final String PRODUCT_ID = "-//Running Trainer//Calendar feed//EN";
  /** How often a subscribed app is asked to fetch the feed again. */
  public static final String REFRESH = "PT1H";

  private static final int MAX_LINE_OCTETS = 75;
  private static final String CRLF = "\r\n";
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  /**
   * One all-day event.
   *
   * @param uid stable across fetches, so that a subscribed calendar updates the event rather than adding another
   * @param sequence grows with each change of the event
   * @param lastModified when the event last changed; also its DTSTAMP, so that an unchanged event gives the same bytes
   */
  public record Event(String uid, LocalDate date, int sequence, Instant lastModified, String summary,
      String description) {
  }

  private ICalendarWriter() {
  }

  /** The calendar named {@code name} with these events, in their order. */
  public static String write(String name, List<Event> events) {
    StringBuilder out = new StringBuilder(256 + events.size() * 256);
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:" + PRODUCT_ID);
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "X-WR-CALNAME:" + text(name));
    line(out, "REFRESH-INTERVAL;VALUE=DURATION:" + REFRESH);
    line(out, "X-PUBLISHED-TTL:" + REFRESH);
    events.forEach(event -> event(out, event));
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  private static void event(StringBuilder out, Event event) {
    String stamp = UTC_TIME.format(event.lastModified());
    line(out, "BEGIN:VEVENT");
    line(out, "UID:" + text(event.uid()));
    line(out, "DTSTAMP:" + stamp);
    line(out, "DTSTART;VALUE=DATE:" + DATE.format(event.date()));
    line(out, "DTEND;VALUE=DATE:" + DATE.format(event.date().plusDays(1)));
    line(out, "SEQUENCE:" + event.sequence());
    line(out, "LAST-MODIFIED:" + stamp);
    line(out, "SUMMARY:" + text(event.summary()));
    if (event.description() != null && !event.description().isEmpty()) {
      line(out, "DESCRIPTION:" + text(event.description()));
    }
    // A workout takes part of a day, not the day: the app shows the day free.
    line(out, "TRANSP:TRANSPARENT");
    line(out, "END:VEVENT");
  }

  /** A TEXT value (3.3.11): backslash, semicolon and comma escaped, any line break as {@code \n}. */
  static String text(String value) {
    StringBuilder escaped = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case ';' -> escaped.append("\\;");
        case ',' -> escaped.append("\\,");
        case '\n' -> escaped.append("\\n");
        case '\r' -> {
          escaped.append("\\n");
          if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
            i++;
          }
        }
        default -> {
          if (c == '\t' || c >= 0x20 && c != 0x7F) {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }

  /**
   * Appends a content line folded (3.1): at most 75 octets a line, each continuation begun by a
   * space that counts among them, broken only between code points.
   */
  static void line(StringBuilder out, String content) {
    int octets = 0;
    int i = 0;
    while (i < content.length()) {
      int codePoint = content.codePointAt(i);
      int size = utf8Length(codePoint);
      if (octets + size > MAX_LINE_OCTETS) {
        out.append(CRLF).append(' ');
        octets = 1;
      }
      out.appendCodePoint(codePoint);
      octets += size;
      i += Character.charCount(codePoint);
    }
    out.append(CRLF);
  }

  /** Octets of a code point in UTF-8; a lone surrogate counts three, as if encoded, so only folds earlier. */
  private static int utf8Length(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    return codePoint < 0x10000 ? 3 : 4;
  }
}
