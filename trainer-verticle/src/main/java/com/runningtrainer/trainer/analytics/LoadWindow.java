package com.runningtrainer.trainer.analytics;

import com.runningtrainer.common.api.DateRange;
import com.runningtrainer.common.api.Failures;
import java.time.LocalDate;

/**
 * The days a load series shows: as asked, with the athlete's today for a missing end and the 90
 * days up to the end for a missing start; at most {@link #MAX_DAYS}, since each day is a row.
 */
public record LoadWindow(LocalDate from, LocalDate to) {

  public static final int DEFAULT_DAYS = 90;
  /** Three years, one of them leap. */
  public static final int MAX_DAYS = 1096;

  public static LoadWindow of(DateRange asked, LocalDate today) {
    LocalDate to = asked.to() != null ? asked.to() : today;
    LocalDate from = asked.from() != null ? asked.from() : to.minusDays(DEFAULT_DAYS - 1);
    if (from.isAfter(to)) {
      throw Failures.unprocessable("from", "must not be after to (" + to + ")");
    }
    if (to.toEpochDay() - from.toEpochDay() + 1 > MAX_DAYS) {
      throw Failures.unprocessable("from", "the window is at most " + MAX_DAYS + " days (3 years)");
    }
    return new LoadWindow(from, to);
  }
}
