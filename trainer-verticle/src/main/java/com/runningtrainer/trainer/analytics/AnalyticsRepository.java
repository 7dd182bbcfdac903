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
 * totals, weeks and workout types come back together without loading a single run; a plan's
 * progress comes back as one row per workout (with its runs summed), each judged by
 * {@link Compliance}. Only runs the caller sees count: for a coach, runs imported from Strava
 * only when the athlete opted in.
 */
public final class AnalyticsRepository {

  /** The first day of the week that holds run {@code r}'s date, weeks starting on the ISO day number {@code $n}. */
  private static String weekOf(String firstDay) {
    return "(r.actual_date - (extract(isodow FROM r.actual_date)::int - " + firstDay + " + 7) % 7)";
  }

  private static final String WEEK = weekOf("$5");
  private static final String TYPE = "coalesce(w.workout_type, 'unplanned')";

  private static final String SUMMARY = "SELECT GROUPING(" + WEEK + ") AS by_week, GROUPING(" + TYPE + ") AS by_type, "
      + WEEK + " AS week_start, " + TYPE + " AS workout_type, count(*) AS runs, "
      + "coalesce(sum(r.distance_km), 0) AS distance_km, coalesce(sum(r.duration_minutes), 0) AS duration_minutes, "
      + "max(r.distance_km) AS longest_run_km "
      + "FROM runs r LEFT JOIN workouts w ON w.id = r.workout_id AND w.owner_id = r.owner_id "
      + "WHERE r.owner_id = $1 AND ($2::date IS NULL OR r.actual_date >= $2) AND ($3::date IS NULL OR r.actual_date <= $3) "
      + "AND " + ShareRepository.runVisibleTo("r", "$4") + " "
      + "GROUP BY GROUPING SETS ((), (" + WEEK + "), (" + TYPE + ")) "
      + "ORDER BY week_start, workout_type";

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
      + weekOf("$3") + " AS week, "
      + "date_trunc('month', r.actual_date)::date AS month, r.distance_km, r.duration_minutes FROM runs r "
      + "WHERE r.owner_id = $1 AND " + ShareRepository.runVisibleTo("r", "$2") + ") r "
      + "GROUP BY GROUPING SETS ((week), (month))";

  private final Pool pool;

  public AnalyticsRepository(Pool pool) {
    this.pool = pool;
  }

  /** The owner's runs the caller sees, summed, and per week starting on {@code weekStart}. */
  public Future<JsonObject> summary(UUID caller, UUID owner, DateRange range, DayOfWeek weekStart) {
    return pool.preparedQuery(SUMMARY).execute(Tuple.of(owner, range.from(), range.to(), caller, weekStart.getValue()))
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

  private static JsonObject totals(Row row) {
    return new JsonObject()
        .put("runs", row.getLong("runs"))
        .put("distance_km", Rows.number(row, "distance_km"))
        .put("duration_minutes", Rows.number(row, "duration_minutes"));
  }
}
