package com.runningtrainer.trainer.analytics;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * Training stress as TrainingPeaks defines it for running, and the fitness, fatigue and form
 * that follow from it, folded over an athlete's days in one pass.
 *
 * <ul>
 *   <li>load (rTSS) of a run = hours × IF² × 100, IF = threshold pace ÷ run pace (both min/km);
 *       since run pace = minutes ÷ km this is 100/60 × threshold² × km² ÷ minutes, so a day's
 *       load is that factor times the day's sum of km² ÷ minutes ({@link Daily#strain});</li>
 *   <li>ctl_t = ctl_{t−1} + (load_t − ctl_{t−1}) / 42 and atl_t likewise over 7 days, both 0
 *       the day before the first run ever;</li>
 *   <li>tsb_t = ctl_{t−1} − atl_{t−1}, the form one starts the day with;</li>
 *   <li>acwr_t = (loads of the 7 days to t ÷ 7) ÷ (loads of the 28 days to t ÷ 28), null when
 *       the 28 days hold no load, flagged {@code acwr_high} above 1.5;</li>
 *   <li>{@code distance_jump} on each day from the one where the week's distance so far passes
 *       1.3 × the whole previous week's (weeks begin on the athlete's first day of the week); not
 *       after a week of nothing, where there is nothing to compare with.</li>
 * </ul>
 */
public final class TrainingLoad {

  static final int FITNESS_DAYS = 42;
  static final int FATIGUE_DAYS = 7;
  static final int ACUTE_DAYS = 7;
  static final int CHRONIC_DAYS = 28;
  static final double ACWR_HIGH = 1.5;
  static final double DISTANCE_JUMP = 1.3;

  private TrainingLoad() {
  }

  /**
   * An athlete's days with runs, oldest first: the date (as an epoch day), the sum of km² ÷
   * minutes of the day's runs, and their distance in km.
   */
  public record Daily(long[] days, double[] strain, double[] distanceKm, int size) {
  }

  /** rTSS of one run of {@code km} in {@code minutes}, at this threshold pace (min/km). */
  public static double load(double km, double minutes, double thresholdPace) {
    return factor(thresholdPace) * km * km / minutes;
  }

  /** What a day's {@link Daily#strain} is multiplied by to give its load. */
  static double factor(double thresholdPace) {
    return 100.0 / 60.0 * thresholdPace * thresholdPace;
  }

  /**
   * One row per day from {@code from} to {@code to}, seeded from the first day of {@code daily}.
   *
   * @param thresholdPace min/km; null when unknown: loads and what follows from them are null
   */
  public static JsonArray series(Daily daily, Double thresholdPace, LocalDate from, LocalDate to, DayOfWeek weekStart) {
    Fold fold = new Fold(thresholdPace == null ? Double.NaN : factor(thresholdPace), weekStart);
    long first = daily.size() > 0 ? Math.min(daily.days()[0], from.toEpochDay()) : from.toEpochDay();
    JsonArray rows = new JsonArray();
    int next = 0;
    for (long day = first; day <= to.toEpochDay(); day++) {
      double strain = 0;
      double km = 0;
      if (next < daily.size() && daily.days()[next] == day) {
        strain = daily.strain()[next];
        km = daily.distanceKm()[next];
        next++;
      }
      JsonObject row = fold.day(LocalDate.ofEpochDay(day), strain, km);
      if (day >= from.toEpochDay()) {
        rows.add(row);
      }
    }
    return rows;
  }

  /** The running state of the fold: the two averages, the last 28 loads, and the weeks' distances. */
  private static final class Fold {

    private final double factor;
    private final DayOfWeek weekStart;
    private final double[] recent = new double[CHRONIC_DAYS];
    private double ctl;
    private double atl;
    private double acute;
    private double chronic;
    private int daysWithLoad;
    private int index;
    private LocalDate week;
    private double weekKm;
    private double previousWeekKm;

    Fold(double factor, DayOfWeek weekStart) {
      this.factor = factor;
      this.weekStart = weekStart;
    }

    JsonObject day(LocalDate date, double strain, double km) {
      double load = factor * strain;
      double tsb = ctl - atl;
      ctl += (load - ctl) / FITNESS_DAYS;
      atl += (load - atl) / FATIGUE_DAYS;
      Double acwr = ratio(load);
      JsonArray flags = new JsonArray();
      if (acwr != null && acwr > ACWR_HIGH) {
        flags.add("acwr_high");
      }
      if (distanceJumped(date, km)) {
        flags.add("distance_jump");
      }
      boolean known = !Double.isNaN(factor);
      return new JsonObject()
          .put("date", date.toString())
          .put("distance_km", round(km, 1000))
          .put("load", known ? round(load, 10) : null)
          .put("ctl", known ? round(ctl, 10) : null)
          .put("atl", known ? round(atl, 10) : null)
          .put("tsb", known ? round(tsb, 10) : null)
          .put("acwr", known && acwr != null ? round(acwr, 100) : null)
          .put("flags", flags);
    }

    /** Moves the 7- and 28-day windows on by today's load; their ratio of averages, null while they hold none. */
    private Double ratio(double load) {
      double leaving = recent[index];
      double leavingAcute = recent[(index + CHRONIC_DAYS - ACUTE_DAYS) % CHRONIC_DAYS];
      daysWithLoad += (load > 0 ? 1 : 0) - (leaving > 0 ? 1 : 0);
      recent[index] = load;
      index = (index + 1) % CHRONIC_DAYS;
      // Sums kept by adding and subtracting drift from zero; when the window is empty they are zero.
      chronic = daysWithLoad == 0 ? 0 : chronic + load - leaving;
      acute = daysWithLoad == 0 ? 0 : acute + load - leavingAcute;
      if (daysWithLoad == 0) {
        return null;
      }
      return (acute / ACUTE_DAYS) / (chronic / CHRONIC_DAYS);
    }

    private boolean distanceJumped(LocalDate date, double km) {
      LocalDate start = date.with(TemporalAdjusters.previousOrSame(weekStart));
      if (!start.equals(week)) {
        previousWeekKm = start.minusWeeks(1).equals(week) ? weekKm : 0;
        week = start;
        weekKm = 0;
      }
      weekKm += km;
      return previousWeekKm > 0 && weekKm > DISTANCE_JUMP * previousWeekKm;
    }
  }

  private static double round(double value, int per) {
    return Math.round(value * per) / (double) per;
  }
}
