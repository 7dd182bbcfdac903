package com.runningtrainer.trainer.analytics;

import com.runningtrainer.common.api.DateRange;
import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * A date range as the summary reads it: the whole blocks of days within it, whose runs are summed
 * ahead of time (table {@code run_totals}, migration V9), and the days at either end that fill
 * only part of a block, whose runs are read one by one. A block is a week's Monday to Saturday,
 * or its Sunday: weeks from Monday and weeks from Sunday are both made of whole blocks.
 *
 * @param firstBlock the first day of the first whole block; null when the range has no start
 * @param lastBlock the last day of the last whole block; null when the range has no end. After
 *     {@code firstBlock} when no block fits whole in the range
 * @param head the days before the first whole block (all of them when none fits); null when none
 * @param tail the days after the last whole block; null when none
 */
record Blocks(LocalDate firstBlock, LocalDate lastBlock, DateRange head, DateRange tail) {

  static Blocks of(DateRange range) {
    LocalDate from = range.from();
    LocalDate to = range.to();
    LocalDate first = from == null ? null : firstStartFrom(from);
    LocalDate last = to == null ? null : lastEndUpTo(to);
    if (first != null && last != null && first.isAfter(last)) {
      return new Blocks(first, last, range, null);
    }
    DateRange head = first != null && first.isAfter(from) ? new DateRange(from, first.minusDays(1)) : null;
    DateRange tail = last != null && last.isBefore(to) ? new DateRange(last.plusDays(1), to) : null;
    return new Blocks(first, last, head, tail);
  }

  /** The first day on or after {@code day} that starts a block: a Monday or a Sunday. */
  private static LocalDate firstStartFrom(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    if (weekday == DayOfWeek.MONDAY || weekday == DayOfWeek.SUNDAY) {
      return day;
    }
    return day.plusDays(DayOfWeek.SUNDAY.getValue() - weekday.getValue());
  }

  /** The last day on or before {@code day} that ends a block: a Saturday or a Sunday. */
  private static LocalDate lastEndUpTo(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
      return day;
    }
    return day.minusDays(weekday.getValue());
  }
}
