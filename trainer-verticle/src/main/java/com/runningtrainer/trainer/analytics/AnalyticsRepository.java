package com.runningtrainer.trainer.analytics;

import com.runningtrainer.common.api.DateRange;
import com.runningtrainer.common.db.Rows;
import com.runningtrainer.trainer.analytics.Compliance.Done;
import com.runningtrainer.trainer.athlete.AthleteSettings;
import com.runningtrainer.trainer.share.ShareRepository;
import com.runningtrainer.trainer.workout.WorkoutRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.UUID;

/**
 * Training figures computed by PostgreSQL in one query each, grouped with GROUPING SETS so that
 * totals, weeks and workout types come back together without loading a single run (the summary
 * from runs summed ahead of time per block of days, see {@link Blocks}); a plan's
 * progress comes back as one row per workout (with its runs summed), each judged by
 * {@link Compliance}. Only runs the caller sees count: for a coach, runs imported from Strava
 * only when the athlete opted in.
 */
public final class AnalyticsRepository {

  /** The first day of the week that holds the date {@code day}, weeks starting on the ISO day number {@code firstDay}. */
  private static String weekOf(String day, String firstDay) {
    return "(" + day + " - (extract(isodow FROM " + day + ")::int - " + firstDay + " + 7) % 7)";
  }

  // The owner's first day of the week as an ISO day number, read in the summary's own statement
  // rather than asked first: one round trip to PostgreSQL fewer for a request that is otherwise one
  // query. Monday without settings, as AthleteSettings.DEFAULTS.
  private static final String FIRST_DAY = "coalesce((SELECT CASE WHEN s.week_start = 'sunday' THEN 7 ELSE 1 END "
      + "FROM athlete_settings s WHERE s.owner_id = $1), 1)";

  // The runs of whole blocks as summed by the triggers of migration V9, and those of the days at
  // the range's ends one by one, in the same units: metres and hundredths of a minute. A block
  // lies within one week whichever day the week starts on, so it counts in the week of its first day.
  private static final String COUNTED = "SELECT t.block_start AS day, t.workout_type, t.runs, t.distance_m, "
      + "t.duration_cmin, t.longest_m FROM run_totals t WHERE t.owner_id = $1 "
      + "AND ($3::date IS NULL OR t.block_start >= $3) AND ($4::date IS NULL OR t.block_start <= $4) "
      + "AND " + ShareRepository.runVisibleTo("t", "$2") + " "
      + "UNION ALL SELECT r.actual_date, r.workout_type, 1, (r.distance_km * 1000)::bigint, "
      + "(r.duration_minutes * 100)::bigint, (r.distance_km * 1000)::integer FROM runs r WHERE r.owner_id = $1 "
      + "AND (r.actual_date BETWEEN $5 AND $6 OR r.actual_date BETWEEN $7 AND $8) "
      + "AND " + ShareRepository.runVisibleTo("r", "$2");

  private static final String SUMMARY = "SELECT GROUPING(week) AS by_week, GROUPING(workout_type) AS by_type, "
      + "week AS week_start, workout_type, coalesce(sum(runs), 0) AS runs, "
      + "coalesce(sum(distance_m), 0) * 0.001 AS distance_km, coalesce(sum(duration_cmin), 0) * 0.01 AS duration_minutes, "
      + "max(longest_m) * 0.001 AS longest_run_km FROM (SELECT " + weekOf("day", FIRST_DAY) + " AS week, "
      + "coalesce(workout_type, 'unplanned') AS workout_type, runs, distance_m, duration_cmin, longest_m "
      + "FROM (" + COUNTED + ") counted) c "
      + "GROUP BY GROUPING SETS ((), (week), (workout_type)) ORDER BY week_start, workout_type";

  // Every workout of the plan with what the caller sees done of it; then the runs the caller sees
  // within the plan's dates that are linked to no workout, summed per day (their day in scheduled_date).
  private static final String PROGRESS = "SELECT false AS unplanned, w.scheduled_date, w.workout_type, "
      + "w.distance_km, w.duration_minutes, " + WorkoutRepository.DONE_COLUMNS + " FROM workouts w "
      + WorkoutRepository.doneBy("$3") + " WHERE w.plan_id = $2 AND w.owner_id = $1 "
      + "AND $1 IN " + ShareRepository.ownersReadableBy("$3") + " "
      + "UNION ALL SELECT true, r.actual_date, NULL, NULL, NULL, count(*), sum(r.distance_km), sum(r.duration_minutes) "
      + "FROM runs r JOIN training_plans p ON p.id = $2 AND p.owner_id = r.owner_id "
      + "WHERE r.owner_id = $1 AND r.workout_id IS NULL AND r.actual_date BETWEEN p.start_date AND p.end_date "
      + "AND " + ShareRepository.runVisibleTo("r", "$3") + " GROUP BY r.actual_date";

  // The runs the caller sees over the owner's whole history (a streak may reach back to the first),
  // summed per week, from the owner's first day of the week (ISO number $3), and per calendar month.
  private static final String PERIODS = "SELECT GROUPING(week) = 1 AS monthly, week, month, count(*) AS runs, "
      + "sum(distance_km) AS distance_km, sum(duration_minutes) AS duration_minutes FROM (SELECT "
      + weekOf("r.actual_date", "$3") + " AS week, "
      + "date_trunc('month', r.actual_date)::date AS month, r.distance_km, r.duration_minutes FROM runs r "
      + "WHERE r.owner_id = $1 AND " + ShareRepository.runVisibleTo("r", "$2") + ") r "
      + "GROUP BY GROUPING SETS ((week), (month))";

  private final Pool pool;

  public AnalyticsRepository(Pool pool) {
    this.pool = pool;
  }

  /** The owner's runs the caller sees, summed, and per week starting on the owner's first day of the week. */
  public Future<JsonObject> summary(UUID caller, UUID owner, DateRange range) {
    Blocks blocks = Blocks.of(range);
    return pool.preparedQuery(SUMMARY).execute(Tuple.of(owner, caller,
            blocks.firstBlock(), blocks.lastBlock(), from(blocks.head()), to(blocks.head()), from(blocks.tail()),
            to(blocks.tail())))
        .map(AnalyticsRepository::toSummary);
  }

  private static JsonObject toSummary(RowSet<Row> rows) {
    JsonObject summary = new JsonObject();
    JsonArray weekly = new JsonArray();
    JsonArray byType = new JsonArray();
    for (Row row : rows) {
      boolean week = row.getInteger("by_week") == 0;
      boolean type = row.getInteger("by_type") == 0;
      if (week) {
        weekly.add(totals(row).put("week_start", Rows.date(row, "week_start")));
      } else if (type) {
        byType.add(totals(row).put("workout_type", row.getString("workout_type")));
      } else {
        summary = Summaries.overall(row);
      }
    }
    return summary.put("weekly", weekly).put("by_workout_type", byType);
  }

  /** Progress through a plan as of the owner's {@code today}; zeros for a plan with no workouts. */
  public Future<JsonObject> progress(UUID caller, UUID owner, UUID planId, AthleteSettings settings, LocalDate today) {
    return pool.preparedQuery(PROGRESS).execute(Tuple.of(owner, planId, caller)).map(rows -> {
      PlanProgress progress = new PlanProgress(settings, today);
      for (Row row : rows) {
        if (row.getBoolean("unplanned")) {
          progress.unplanned(row.getLocalDate("scheduled_date"), WorkoutRepository.done(row));
        } else {
          progress.workout(WorkoutRepository.planned(row), WorkoutRepository.done(row));
        }
      }
      return progress.toJson();
    });
  }

  /** The owner's runs the caller sees, summed per week starting on {@code weekStart} and per calendar month. */
  Future<PeriodTotals> periods(UUID caller, UUID owner, DayOfWeek weekStart) {
    return pool.preparedQuery(PERIODS).execute(Tuple.of(owner, caller, weekStart.getValue())).map(rows -> {
      PeriodTotals totals = new PeriodTotals(new HashMap<>(), new HashMap<>());
      for (Row row : rows) {
        Done done = new Done(row.getLong("runs").intValue(), row.getBigDecimal("distance_km"),
            row.getBigDecimal("duration_minutes"));
        if (row.getBoolean("monthly")) {
          totals.months().put(row.getLocalDate("month"), done);
        } else {
          totals.weeks().put(row.getLocalDate("week"), done);
        }
      }
      return totals;
    });
  }

  private static LocalDate from(DateRange days) {
    return days == null ? null : days.from();
  }

  private static LocalDate to(DateRange days) {
    return days == null ? null : days.to();
  }

  private static JsonObject totals(Row row) {
    return new JsonObject()
        .put("runs", row.getLong("runs"))
        .put("distance_km", Rows.number(row, "distance_km"))
        .put("duration_minutes", Rows.number(row, "duration_minutes"));
  }
}
