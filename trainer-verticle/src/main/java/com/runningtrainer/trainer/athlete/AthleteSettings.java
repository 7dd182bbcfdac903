package com.runningtrainer.trainer.athlete;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Inputs;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * An athlete's training settings: what sets a run's intensity (threshold pace, heart rates), the
 * goals progress is measured against, and the time zone and first day of the week that decide
 * which day is today and where a week begins. Any value may be unset (null) but the zone, the
 * week's first day and the unit, which default to UTC, Monday and km.
 */
public record AthleteSettings(
    BigDecimal thresholdPace,
    Integer maxHeartRate,
    Integer restingHeartRate,
    Goals weekly,
    Goals monthly,
    ZoneId timezone,
    DayOfWeek weekStart,
    String distanceUnit) {

  /** Distance, time and number of runs to reach in a week or a month; null where no goal is set. */
  public record Goals(BigDecimal distanceKm, BigDecimal durationMinutes, Integer runs) {

    public boolean any() {
      return distanceKm != null || durationMinutes != null || runs != null;
    }
  }

  public static final AthleteSettings DEFAULTS = new AthleteSettings(null, null, null,
      new Goals(null, null, null), new Goals(null, null, null), ZoneId.of("UTC"), DayOfWeek.MONDAY, "km");

  /** The settings of a validated body; 422 for a zone that is not an IANA one or heart rates the wrong way round. */
  public static AthleteSettings from(JsonObject body) {
    AthleteSettings settings = new AthleteSettings(
        Inputs.decimal(body, "threshold_pace"),
        body.getInteger("max_heart_rate"),
        body.getInteger("resting_heart_rate"),
        new Goals(Inputs.decimal(body, "weekly_distance_goal_km"), Inputs.decimal(body, "weekly_duration_goal_minutes"),
            body.getInteger("weekly_runs_goal")),
        new Goals(Inputs.decimal(body, "monthly_distance_goal_km"), Inputs.decimal(body, "monthly_duration_goal_minutes"),
            body.getInteger("monthly_runs_goal")),
        zone(body.getString("timezone", "UTC")),
        "sunday".equals(body.getString("week_start")) ? DayOfWeek.SUNDAY : DayOfWeek.MONDAY,
        body.getString("distance_unit", "km"));
    if (settings.maxHeartRate != null && settings.restingHeartRate != null
        && settings.restingHeartRate >= settings.maxHeartRate) {
      throw Failures.unprocessable("resting_heart_rate", "must be below max_heart_rate");
    }
    return settings;
  }

  /** These settings with another threshold pace: one estimated where the athlete set none. */
  public AthleteSettings withThresholdPace(BigDecimal pace) {
    return new AthleteSettings(pace, maxHeartRate, restingHeartRate, weekly, monthly, timezone, weekStart, distanceUnit);
  }

  /** Today's date where the athlete is. */
  public LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(timezone));
  }

  /** The first day of the week that holds the date, by the athlete's first day of the week. */
  public LocalDate weekOf(LocalDate date) {
    return date.with(TemporalAdjusters.previousOrSame(weekStart));
  }

  public String weekStartName() {
    return weekStart == DayOfWeek.SUNDAY ? "sunday" : "monday";
  }

  private static ZoneId zone(String name) {
    // Region ids only: an offset such as +02:00 has no summer time and would shift the athlete's days twice a year.
    if (!name.equals("UTC") && !name.contains("/")) {
      throw Failures.unprocessable("timezone", "must be an IANA time zone such as Europe/Paris or UTC");
    }
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      throw Failures.unprocessable("timezone", "must be an IANA time zone such as Europe/Paris or UTC");
    }
  }
}
