package com.runningtrainer.trainer.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.api.DateRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlocksTest {

  private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");

  /** The first day of the block that holds {@code day}, as migration V9's run_totals_block. */
  private static LocalDate blockOf(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day : day.minusDays(day.getDayOfWeek().getValue() - 1);
  }

  private static boolean inWholeBlock(Blocks blocks, LocalDate day) {
    LocalDate start = blockOf(day);
    return (blocks.firstBlock() == null || !start.isBefore(blocks.firstBlock()))
        && (blocks.lastBlock() == null || !start.isAfter(blocks.lastBlock()));
  }

  private static boolean in(DateRange days, LocalDate day) {
    return days != null && !day.isBefore(days.from()) && !day.isAfter(days.to());
  }

  /** How many times the summary reads {@code day}: from a whole block, the head or the tail. */
  private static int reads(Blocks blocks, LocalDate day) {
    return (inWholeBlock(blocks, day) ? 1 : 0) + (in(blocks.head(), day) ? 1 : 0) + (in(blocks.tail(), day) ? 1 : 0);
  }

  @Test
  void everyDayOfEveryRangeOverFiveWeeksIsReadOnceAndNoDayOutside() {
    List<String> wrong = new ArrayList<>();
    for (int start = 0; start < 21; start++) {
      for (int length = 0; length < 21; length++) {
        LocalDate from = MONDAY.plusDays(start);
        LocalDate to = from.plusDays(length);
        Blocks blocks = Blocks.of(new DateRange(from, to));
        for (LocalDate day = MONDAY.minusDays(7); day.isBefore(MONDAY.plusDays(49)); day = day.plusDays(1)) {
          int expected = day.isBefore(from) || day.isAfter(to) ? 0 : 1;
          if (reads(blocks, day) != expected) {
            wrong.add(from + ".." + to + " reads " + day + " " + reads(blocks, day) + " times");
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aRangeOfWholeBlocksIsReadFromBlocksAlone() {
    Blocks blocks = Blocks.of(new DateRange(MONDAY, MONDAY.plusDays(13)));

    assertThat(blocks.firstBlock()).isEqualTo(MONDAY);
    assertThat(blocks.lastBlock()).isEqualTo(MONDAY.plusDays(13));
    assertThat(blocks.head()).isNull();
    assertThat(blocks.tail()).isNull();
  }

  @Test
  void aRangeWithinOneBlockIsReadDayByDay() {
    DateRange tuesdayToFriday = new DateRange(MONDAY.plusDays(1), MONDAY.plusDays(4));

    Blocks blocks = Blocks.of(tuesdayToFriday);

    assertThat(blocks.head()).isEqualTo(tuesdayToFriday);
    assertThat(blocks.tail()).isNull();
    assertThat(blocks.firstBlock()).isAfter(blocks.lastBlock());
  }

  @Test
  void noRangeIsEveryBlock() {
    assertThat(Blocks.of(new DateRange(null, null))).isEqualTo(new Blocks(null, null, null, null));
  }

  @Test
  void anOpenEndedRangeReadsOnlyItsPartialBlockDayByDay() {
    Blocks sinceWednesday = Blocks.of(new DateRange(MONDAY.plusDays(2), null));
    Blocks untilWednesday = Blocks.of(new DateRange(null, MONDAY.plusDays(2)));

    assertThat(sinceWednesday).isEqualTo(
        new Blocks(MONDAY.plusDays(6), null, new DateRange(MONDAY.plusDays(2), MONDAY.plusDays(5)), null));
    assertThat(untilWednesday).isEqualTo(
        new Blocks(null, MONDAY.minusDays(1), null, new DateRange(MONDAY, MONDAY.plusDays(2))));
  }
}
