package com.runningtrainer.strava.imports;

import com.runningtrainer.common.api.Failures;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * An activity as Strava's API gives it (summary or detailed), in the service's units: distance
 * in km, times in minutes, pace in minutes per km. The local date is {@code start_date_local}'s
 * date part: Strava writes the athlete's wall-clock time there with a {@code Z} that does not
 * mean UTC, so converting it would move evening runs to the next day.
 */
public record StravaActivity(long id, String name, String sportType, boolean privateOnly, boolean manual,
    Instant startDate, String timezone, LocalDate localDate, BigDecimal distanceKm, BigDecimal movingMinutes,
    BigDecimal elapsedMinutes, BigDecimal elevationGainM) {

  /** The sports that become runs; every other one stays an activity. */
  public static final Set<String> RUNNING = Set.of("Run", "TrailRun", "VirtualRun");
  private static final int MAX_NAME = 255;
  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
  // The trainer's bounds on a run's figures; beyond them the activity stays an activity.
  private static final BigDecimal MAX_KM = BigDecimal.valueOf(1000);
  private static final BigDecimal MAX_MINUTES = BigDecimal.valueOf(10_000);

  /** The activity of Strava's JSON; 400 when it lacks what every activity has. */
  public static StravaActivity from(JsonObject json) {
    if (!(json.getValue("id") instanceof Number id) || id.longValue() <= 0) {
      throw Failures.invalid("id", "must be a positive integer");
    }
    String sport = text(json, "sport_type") != null ? text(json, "sport_type") : text(json, "type");
    if (sport == null) {
      throw Failures.invalid("sport_type", "is required");
    }
    Instant start = instant(json, "start_date");
    LocalDate localDate = localDate(json);
    String visibility = text(json, "visibility");
    return new StravaActivity(id.longValue(), text(json, "name"), sport,
        Boolean.TRUE.equals(json.getValue("private")) || "only_me".equals(visibility),
        Boolean.TRUE.equals(json.getValue("manual")), start, text(json, "timezone"), localDate,
        scaled(number(json, "distance").divide(THOUSAND, 3, RoundingMode.HALF_UP)),
        scaled(number(json, "moving_time").divide(SIXTY, 2, RoundingMode.HALF_UP)),
        json.getValue("elapsed_time") == null ? null
            : scaled(number(json, "elapsed_time").divide(SIXTY, 2, RoundingMode.HALF_UP)),
        json.getValue("total_elevation_gain") == null ? null
            : scaled(number(json, "total_elevation_gain").setScale(1, RoundingMode.HALF_UP)));
  }

  /** A Run, TrailRun or VirtualRun with a distance and a time the trainer can record. */
  public boolean becomesRun() {
    return RUNNING.contains(sportType) && distanceKm.signum() > 0 && movingMinutes.signum() > 0
        && distanceKm.compareTo(MAX_KM) <= 0 && movingMinutes.compareTo(MAX_MINUTES) <= 0;
  }

  /** Minutes per km; null without a distance. */
  public BigDecimal averagePace() {
    return distanceKm.signum() > 0 ? movingMinutes.divide(distanceKm, 3, RoundingMode.HALF_UP) : null;
  }

  /** The run {@code RunImports.importRun} records. */
  public JsonObject run() {
    return new JsonObject()
        .put("strava_activity_id", id)
        .put("actual_date", localDate.toString())
        .put("distance_km", distanceKm.doubleValue())
        .put("duration_minutes", movingMinutes.doubleValue())
        .put("notes", name);
  }

  private static String text(JsonObject json, String field) {
    if (!(json.getValue(field) instanceof String value) || value.isBlank()) {
      return null;
    }
    String clean = value.replace("\u0000", "");
    return clean.substring(0, Math.min(clean.length(), MAX_NAME));
  }

  private static BigDecimal number(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return BigDecimal.ZERO;
    }
    if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue()) || number.doubleValue() < 0) {
      throw Failures.invalid(field, "must be a number, not negative");
    }
    return new BigDecimal(number.toString());
  }

  // Beyond what the columns hold, a figure is nonsense: kept as the column's largest value.
  private static BigDecimal scaled(BigDecimal value) {
    BigDecimal max = BigDecimal.valueOf(999_999);
    return value.compareTo(max) > 0 ? max : value;
  }

  private static Instant instant(JsonObject json, String field) {
    try {
      return Instant.parse(String.valueOf(json.getValue(field)));
    } catch (DateTimeParseException e) {
      throw Failures.invalid(field, "must be an ISO-8601 UTC time");
    }
  }

  private static LocalDate localDate(JsonObject json) {
    Object local = json.getValue("start_date_local");
    String text = local instanceof String value ? value : String.valueOf(json.getValue("start_date"));
    try {
      return LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw Failures.invalid("start_date_local", "must begin with a date");
    }
  }
}
