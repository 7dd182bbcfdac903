package com.runningtrainer.trainer.analytics;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * How well a workout was done against its plan: the ratio of what was done to what was planned
 * (duration, or distance when no duration is planned) and a status. A ratio is rounded to two
 * decimals before it is banded, so the bands meet without a gap: green 0.80–1.20, yellow
 * 0.50–0.79 and 1.21–1.50, red below 0.50 and above 1.50. A workout with nothing done is
 * {@code upcoming} until its day has passed, {@code missed} after; a rest day is {@code rest}
 * whatever happened. A workout done with nothing measurable planned is green, without a ratio.
 *
 * @param ratio done over planned, two decimals; null when nothing was done or nothing measurable was planned
 */
public record Compliance(Status status, BigDecimal ratio) {

  /** Where a workout stands, in the API's words. */
  public enum Status {
    GREEN, YELLOW, RED, MISSED, UPCOMING, REST;

    public String label() {
      return name().toLowerCase();
    }
  }

  private static final BigDecimal GREEN_LOW = new BigDecimal("0.80");
  private static final BigDecimal GREEN_HIGH = new BigDecimal("1.20");
  private static final BigDecimal YELLOW_LOW = new BigDecimal("0.50");
  private static final BigDecimal YELLOW_HIGH = new BigDecimal("1.50");

  /** What was planned for one workout. Null distance or duration: not planned. */
  public record Planned(String workoutType, LocalDate date, BigDecimal distanceKm, BigDecimal durationMinutes) {
  }

  /** What was done: the sums of the runs linked to the workout; zero runs when none. */
  public record Done(int runs, BigDecimal distanceKm, BigDecimal durationMinutes) {

    public static final Done NOTHING = new Done(0, BigDecimal.ZERO, BigDecimal.ZERO);
  }

  /** @param today the athlete's today, in their time zone */
  public static Compliance of(Planned planned, Done done, LocalDate today) {
    if ("rest".equals(planned.workoutType())) {
      return new Compliance(Status.REST, null);
    }
    if (done.runs() == 0) {
      return new Compliance(planned.date().isBefore(today) ? Status.MISSED : Status.UPCOMING, null);
    }
    BigDecimal ratio = ratio(planned, done);
    return new Compliance(ratio == null ? Status.GREEN : band(ratio), ratio);
  }

  /**
   * The ratio of {@link #of} as a SQL expression, from SQL expressions of what was planned and
   * done. PostgreSQL's {@code round} takes halves away from zero, as {@link RoundingMode#HALF_UP}
   * does for these positive ratios, and its division keeps at least 16 significant digits, more
   * than a quotient of two {@code numeric(7, 3)} or {@code (7, 2)} sums needs to fall on the same
   * side of a half as the exact one.
   */
  public static String ratioSql(String plannedKm, String plannedMinutes, String doneKm, String doneMinutes) {
    return "CASE WHEN " + plannedMinutes + " IS NOT NULL THEN round(" + doneMinutes + " / " + plannedMinutes
        + ", 2) ELSE round(" + doneKm + " / " + plannedKm + ", 2) END";
  }

  /**
   * The status of {@link #of} as a SQL expression giving its {@link Status#label()}, for a query that
   * counts workouts by status instead of loading them: the workout's type and day, the number of
   * runs done (0 when none), the {@link #ratioSql ratio} and the athlete's today, all SQL expressions.
   */
  public static String statusSql(String type, String day, String runs, String ratio, String today) {
    return "CASE WHEN " + type + " = 'rest' THEN '" + Status.REST.label() + "' "
        + "WHEN " + runs + " = 0 THEN CASE WHEN " + day + " < " + today + " THEN '" + Status.MISSED.label()
        + "' ELSE '" + Status.UPCOMING.label() + "' END "
        + "WHEN " + ratio + " IS NULL OR " + ratio + " BETWEEN " + GREEN_LOW + " AND " + GREEN_HIGH + " THEN '"
        + Status.GREEN.label() + "' WHEN " + ratio + " BETWEEN " + YELLOW_LOW + " AND " + YELLOW_HIGH + " THEN '"
        + Status.YELLOW.label() + "' ELSE '" + Status.RED.label() + "' END";
  }

  private static BigDecimal ratio(Planned planned, Done done) {
    if (planned.durationMinutes() != null) {
      return done.durationMinutes().divide(planned.durationMinutes(), 2, RoundingMode.HALF_UP);
    }
    if (planned.distanceKm() != null) {
      return done.distanceKm().divide(planned.distanceKm(), 2, RoundingMode.HALF_UP);
    }
    return null;
  }

  private static Status band(BigDecimal ratio) {
    if (ratio.compareTo(GREEN_LOW) >= 0 && ratio.compareTo(GREEN_HIGH) <= 0) {
      return Status.GREEN;
    }
    if (ratio.compareTo(YELLOW_LOW) >= 0 && ratio.compareTo(YELLOW_HIGH) <= 0) {
      return Status.YELLOW;
    }
    return Status.RED;
  }

  public JsonObject toJson() {
    return new JsonObject().put("status", status.label()).put("ratio", ratio == null ? null : ratio.doubleValue());
  }
}
