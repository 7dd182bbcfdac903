package com.runningtrainer.trainer.analytics;

import com.runningtrainer.common.api.DateRange;
import com.runningtrainer.common.db.Rows;
import com.runningtrainer.trainer.share.ShareRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Training figures computed by PostgreSQL in one query each, grouped with GROUPING SETS so that
 * totals, weeks and workout types come back together without loading a single run. Only runs
 * the caller sees count: for a coach, runs imported from Strava only when the athlete opted in.
 */
public final class AnalyticsRepository {

  private static final String WEEK = "date_trunc('week', r.actual_date)::date";
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

  // Rest days are planned rest: they are never completed, missed or upcoming.
  private static final String PROGRESS = "WITH planned AS ("
      + "SELECT w.scheduled_date, w.distance_km, r.runs, r.distance_km AS actual_km FROM workouts w "
      + "LEFT JOIN LATERAL (SELECT count(*) AS runs, sum(x.distance_km) AS distance_km FROM runs x "
      + "WHERE x.workout_id = w.id AND x.owner_id = $1 AND " + ShareRepository.runVisibleTo("x", "$4") + ") r ON true "
      + "WHERE w.plan_id = $2 AND w.owner_id = $1 AND w.workout_type <> 'rest' "
      + "AND $1 IN " + ShareRepository.ownersReadableBy("$4") + ") "
      + "SELECT GROUPING(date_trunc('week', scheduled_date)) AS by_week, "
      + "date_trunc('week', scheduled_date)::date AS week_start, count(*) AS total_workouts, "
      + "count(*) FILTER (WHERE runs > 0) AS completed_workouts, "
      + "count(*) FILTER (WHERE runs = 0 AND scheduled_date < $3) AS missed_workouts, "
      + "count(*) FILTER (WHERE runs = 0 AND scheduled_date >= $3) AS upcoming_workouts, "
      + "coalesce(sum(distance_km), 0) AS planned_distance_km, coalesce(sum(actual_km), 0) AS actual_distance_km "
      + "FROM planned GROUP BY GROUPING SETS ((), (date_trunc('week', scheduled_date))) ORDER BY week_start";

  private final Pool pool;

  public AnalyticsRepository(Pool pool) {
    this.pool = pool;
  }

  /** The owner's runs the caller sees, summed. */
  public Future<JsonObject> summary(UUID caller, UUID owner, DateRange range) {
    return pool.preparedQuery(SUMMARY).execute(Tuple.of(owner, range.from(), range.to(), caller)).map(rows -> {
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
    });
  }

  /** Progress through a plan as of {@code today}; zeros for a plan with no workouts. */
  public Future<JsonObject> progress(UUID caller, UUID owner, UUID planId, LocalDate today) {
    return pool.preparedQuery(PROGRESS).execute(Tuple.of(owner, planId, today, caller)).map(rows -> {
      JsonObject progress = new JsonObject();
      JsonArray weekly = new JsonArray();
      for (Row row : rows) {
        if (row.getInteger("by_week") == 0) {
          weekly.add(Summaries.progress(row).put("week_start", Rows.date(row, "week_start")));
        } else {
          progress = Summaries.progress(row);
        }
      }
      return progress.put("weekly", weekly);
    });
  }

  private static JsonObject totals(Row row) {
    return new JsonObject()
        .put("runs", row.getLong("runs"))
        .put("distance_km", Rows.number(row, "distance_km"))
        .put("duration_minutes", Rows.number(row, "duration_minutes"));
  }
}
