package com.runningtrainer.trainer.athlete;

import com.runningtrainer.common.db.Rows;
import com.runningtrainer.trainer.athlete.AthleteSettings.Goals;
import com.runningtrainer.trainer.share.ShareRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.UUID;

/** All SQL of athlete settings: read by the athlete and the coaches they share with, written by the athlete alone. */
public final class AthleteSettingsRepository {

  private static final String COLUMNS = "threshold_pace, max_heart_rate, resting_heart_rate, "
      + "weekly_distance_goal_km, weekly_duration_goal_minutes, weekly_runs_goal, "
      + "monthly_distance_goal_km, monthly_duration_goal_minutes, monthly_runs_goal, "
      + "timezone, week_start, distance_unit";

  private static final String FIND = "SELECT " + COLUMNS + ", updated_at FROM athlete_settings "
      + "WHERE owner_id = $1 AND owner_id IN " + ShareRepository.ownersReadableBy("$2");

  private static final String UPSERT = "INSERT INTO athlete_settings (owner_id, " + COLUMNS + ") "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) "
      + "ON CONFLICT (owner_id) DO UPDATE SET threshold_pace = $2, max_heart_rate = $3, resting_heart_rate = $4, "
      + "weekly_distance_goal_km = $5, weekly_duration_goal_minutes = $6, weekly_runs_goal = $7, "
      + "monthly_distance_goal_km = $8, monthly_duration_goal_minutes = $9, monthly_runs_goal = $10, "
      + "timezone = $11, week_start = $12, distance_unit = $13, updated_at = now() RETURNING updated_at";

  private final Pool pool;

  public AthleteSettingsRepository(Pool pool) {
    this.pool = pool;
  }

  /** The owner's settings when the caller reads them (the defaults when the owner never set any); null otherwise. */
  public Future<Stored> find(UUID caller, UUID owner) {
    return pool.preparedQuery(FIND).execute(Tuple.of(owner, caller))
        .map(rows -> Rows.first(rows, row -> new Stored(toSettings(row), Rows.timestamp(row, "updated_at"))))
        .map(stored -> stored == null ? new Stored(AthleteSettings.DEFAULTS, null) : stored);
  }

  /** Replaces the owner's settings, which only the owner writes. */
  public Future<Stored> save(UUID owner, AthleteSettings settings) {
    Tuple values = Tuple.of(owner, settings.thresholdPace(), settings.maxHeartRate(), settings.restingHeartRate())
        .addValue(settings.weekly().distanceKm()).addValue(settings.weekly().durationMinutes())
        .addValue(settings.weekly().runs())
        .addValue(settings.monthly().distanceKm()).addValue(settings.monthly().durationMinutes())
        .addValue(settings.monthly().runs())
        .addValue(settings.timezone().getId()).addValue(settings.weekStartName()).addValue(settings.distanceUnit());
    return pool.preparedQuery(UPSERT).execute(values)
        .map(rows -> new Stored(settings, Rows.timestamp(rows.iterator().next(), "updated_at")));
  }

  private static AthleteSettings toSettings(Row row) {
    return new AthleteSettings(
        row.getBigDecimal("threshold_pace"),
        row.getInteger("max_heart_rate"),
        row.getInteger("resting_heart_rate"),
        new Goals(row.getBigDecimal("weekly_distance_goal_km"), row.getBigDecimal("weekly_duration_goal_minutes"),
            row.getInteger("weekly_runs_goal")),
        new Goals(row.getBigDecimal("monthly_distance_goal_km"), row.getBigDecimal("monthly_duration_goal_minutes"),
            row.getInteger("monthly_runs_goal")),
        ZoneId.of(row.getString("timezone")),
        "sunday".equals(row.getString("week_start")) ? DayOfWeek.SUNDAY : DayOfWeek.MONDAY,
        row.getString("distance_unit"));
  }

  /** Settings as stored, with when they last changed (null for the defaults). */
  public record Stored(AthleteSettings settings, String updatedAt) {

    public JsonObject toJson(UUID owner) {
      AthleteSettings s = settings;
      return new JsonObject()
          .put("owner_id", owner.toString())
          .put("threshold_pace", number(s.thresholdPace()))
          .put("max_heart_rate", s.maxHeartRate())
          .put("resting_heart_rate", s.restingHeartRate())
          .put("weekly_distance_goal_km", number(s.weekly().distanceKm()))
          .put("weekly_duration_goal_minutes", number(s.weekly().durationMinutes()))
          .put("weekly_runs_goal", s.weekly().runs())
          .put("monthly_distance_goal_km", number(s.monthly().distanceKm()))
          .put("monthly_duration_goal_minutes", number(s.monthly().durationMinutes()))
          .put("monthly_runs_goal", s.monthly().runs())
          .put("timezone", s.timezone().getId())
          .put("week_start", s.weekStartName())
          .put("distance_unit", s.distanceUnit())
          .put("updated_at", updatedAt);
    }

    private static Number number(BigDecimal value) {
      return value == null ? null : value.stripTrailingZeros().doubleValue();
    }
  }
}
