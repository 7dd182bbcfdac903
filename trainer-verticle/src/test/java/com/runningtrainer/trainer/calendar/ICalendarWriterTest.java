package com.runningtrainer.trainer.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.trainer.calendar.ICalendarWriter.Event;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The iCalendar a feed sends (RFC 5545), read back by an independent parser (ical.js): text of
 * any kind survives escaping and folding, lines are CRLF-ended, at most 75 octets and never cut
 * inside a character.
 */
class ICalendarWriterTest {

  private static final Instant CHANGED = Instant.parse("2027-02-14T09:30:05Z");
  private static final String EMOJI_NAME = "🏃‍♀️ Long run, slow; easy \\ \"fun\" " + "🔥".repeat(80) + " 长跑训练 "
      + "é".repeat(40);

  private static Event event(String uid, String date, String summary, String description) {
    return new Event(uid, LocalDate.parse(date), 3, CHANGED, summary, description);
  }

  private static String write(Event... events) {
    return ICalendarWriter.write("Spring 10k", List.of(events));
  }

  private static JsonObject parsed(String calendar) {
    return IcalJs.parse(calendar.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonObject onlyEvent(String calendar) {
    var events = parsed(calendar).getJsonArray("events");
    assertThat(events).hasSize(1);
    return events.getJsonObject(0);
  }

  @Test
  void aCalendarSaysWhatItIsAndHowOftenToFetchItAgain() {
    JsonObject properties = parsed(write()).getJsonObject("properties");

    assertThat(properties.getString("version")).isEqualTo("2.0");
    assertThat(properties.getString("prodid")).isEqualTo(ICalendarWriter.PRODUCT_ID);
    assertThat(properties.getString("calscale")).isEqualTo("GREGORIAN");
    assertThat(properties.getString("method")).isEqualTo("PUBLISH");
    assertThat(properties.getString("x-wr-calname")).isEqualTo("Spring 10k");
    assertThat(properties.getString("refresh-interval")).isEqualTo("PT1H");
    assertThat(properties.getString("x-published-ttl")).isEqualTo("PT1H");
  }

  @Test
  void anEventLastsTheWholeDayAndEndsTheNextOneAcrossTheYearsEnd() {
    JsonObject event = onlyEvent(write(event("w-1@running-trainer", "2027-12-31", "Tempo", "x")));

    assertThat(event.getString("uid")).isEqualTo("w-1@running-trainer");
    assertThat(event.getString("dtstart")).isEqualTo("2027-12-31");
    assertThat(event.getString("dtstart_type")).isEqualTo("date");
    assertThat(event.getString("dtend")).isEqualTo("2028-01-01");
    assertThat(event.getString("dtend_type")).isEqualTo("date");
    assertThat(event.getInteger("sequence")).isEqualTo(3);
    assertThat(event.getString("last_modified")).isEqualTo("2027-02-14T09:30:05Z");
    assertThat(event.getString("dtstamp")).isEqualTo("2027-02-14T09:30:05Z");
  }

  @Test
  void commasSemicolonsBackslashesAndLineBreaksSurvive() {
    String text = "5 x 1 km, 2' rest; then \\cool\\ down\nline two\r\nline three\rline four";

    JsonObject event = onlyEvent(write(event("u", "2027-03-01", text, text)));

    String normalised = "5 x 1 km, 2' rest; then \\cool\\ down\nline two\nline three\nline four";
    assertThat(event.getString("summary")).isEqualTo(normalised);
    assertThat(event.getString("description")).isEqualTo(normalised);
  }

  @Test
  void emojiCjkAndAccentsOfAnyLengthSurviveFolding() {
    String longText = (EMOJI_NAME + "\n").repeat(60) + "x".repeat(10_000);

    JsonObject event = onlyEvent(write(event("u", "2027-03-01", EMOJI_NAME, longText)));

    assertThat(event.getString("summary")).isEqualTo(EMOJI_NAME);
    assertThat(event.getString("description")).isEqualTo(longText);
  }

  @Test
  void everyLineEndsWithCrlfHasAtMost75OctetsAndIsWholeUtf8() throws CharacterCodingException {
    String calendar = write(event("u", "2027-03-01", EMOJI_NAME, (EMOJI_NAME + "\n").repeat(30)));
    byte[] bytes = calendar.getBytes(StandardCharsets.UTF_8);

    assertThat(calendar).endsWith("END:VCALENDAR\r\n");
    assertThat(calendar.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
    List<byte[]> lines = lines(bytes);
    assertThat(lines).hasSizeGreaterThan(50);
    for (byte[] line : lines) {
      assertThat(line.length).isLessThanOrEqualTo(75);
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line));
    }
  }

  @Test
  void aLineOfExactly75OctetsIsNotFoldedAndOneMoreIs() {
    StringBuilder exact = new StringBuilder();
    ICalendarWriter.line(exact, "S".repeat(75));
    StringBuilder over = new StringBuilder();
    ICalendarWriter.line(over, "S".repeat(76));

    assertThat(exact.toString()).isEqualTo("S".repeat(75) + "\r\n");
    assertThat(over.toString()).isEqualTo("S".repeat(75) + "\r\n S\r\n");
  }

  @Test
  void aFourOctetCharacterThatWouldCrossTheLimitGoesWholeToTheNextLine() {
    StringBuilder out = new StringBuilder();
    ICalendarWriter.line(out, "S".repeat(73) + "🏃");

    assertThat(out.toString()).isEqualTo("S".repeat(73) + "\r\n 🏃\r\n");
  }

  @Test
  void controlCharactersButTheTabAreDropped() {
    JsonObject event = onlyEvent(write(event("u", "2027-03-01", "a\u0001b\u001Bc\u007Fd\te", "x")));

    assertThat(event.getString("summary")).isEqualTo("abcd\te");
  }

  @Test
  void theSameCalendarGivesTheSameBytes() {
    Event event = event("u", "2027-03-01", "Tempo", "Warm up, then 3 x 10 min");

    assertThat(write(event)).isEqualTo(write(event));
  }

  @Test
  void anEventWithoutDescriptionHasNone() {
    String calendar = write(event("u", "2027-03-01", "Tempo", null));

    assertThat(calendar).doesNotContain("DESCRIPTION");
    assertThat(onlyEvent(calendar).getValue("description")).isNull();
  }

  /** The physical lines of a calendar's bytes, without their CRLF. */
  private static List<byte[]> lines(byte[] bytes) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        lines.add(Arrays.copyOfRange(bytes, start, i));
        start = i + 2;
        i++;
      }
    }
    assertThat(start).isEqualTo(bytes.length);
    return lines;
  }
}
