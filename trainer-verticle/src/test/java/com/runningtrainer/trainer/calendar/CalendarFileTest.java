package com.runningtrainer.trainer.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A feed's ETag and the If-None-Match values that name it (RFC 9110 13.1.2). */
class CalendarFileTest {

  private static final CalendarFile FILE = CalendarFile.of("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");

  @Test
  void theEtagIsStrongAndDependsOnTheBytes() {
    assertThat(FILE.etag()).matches("\"[A-Za-z0-9_-]{43}\"");
    assertThat(CalendarFile.of("other").etag()).isNotEqualTo(FILE.etag());
  }

  @Test
  void itsOwnEtagQuotedOrNotWeakOrInAListOrAStarMatches() {
    String bare = FILE.etag().substring(1, FILE.etag().length() - 1);

    assertThat(FILE.matches(FILE.etag())).isTrue();
    assertThat(FILE.matches(bare)).isTrue();
    assertThat(FILE.matches("W/" + FILE.etag())).isTrue();
    assertThat(FILE.matches("\"old\", " + FILE.etag())).isTrue();
    assertThat(FILE.matches("*")).isTrue();
  }

  @Test
  void anotherEtagOrNoneDoesNotMatch() {
    assertThat(FILE.matches("\"old\"")).isFalse();
    assertThat(FILE.matches(null)).isFalse();
    assertThat(FILE.matches("")).isFalse();
  }
}
