package com.runningtrainer.pdf.render;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers and dates read on the page: one language, whatever the server's locale. */
final class Format {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

  private Format() {
  }

  /** "12 km", "12.5 km". */
  static String km(double km) {
    double rounded = Math.round(finite(km) * 10) / 10.0;
    return (rounded == Math.rint(rounded) ? String.format(Locale.ROOT, "%.0f", rounded)
        : String.format(Locale.ROOT, "%.1f", rounded)) + " km";
  }

  /** "45 min", "1 h 05", "3 h". */
  static String minutes(double minutes) {
    long total = Math.round(finite(minutes));
    if (total < 60) {
      return total + " min";
    }
    long rest = total % 60;
    return rest == 0 ? total / 60 + " h" : String.format(Locale.ROOT, "%d h %02d", total / 60, rest);
  }

  /** "87%". */
  static String percent(double rate) {
    return Math.round(finite(rate) * 100) + "%";
  }

  /** "Mon 19 Jan". */
  static String day(LocalDate date) {
    return DAY.format(date);
  }

  /** "19 Jan 2026". */
  static String date(LocalDate date) {
    return DATE.format(date);
  }

  /** "January 2026". */
  static String month(LocalDate date) {
    return MONTH.format(date);
  }

  /** {@code value}, or 0 when it is not a finite, positive number: no stored number breaks a page. */
  static double finite(double value) {
    return Double.isFinite(value) && value > 0 ? value : 0;
  }
}
