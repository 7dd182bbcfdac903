package com.runningtrainer.trainer.analytics;

import com.runningtrainer.common.api.DateRange;
import com.runningtrainer.common.db.Rows;
import com.runningtrainer.trainer.analytics.Compliance.Done;
import com.runningtrainer.trainer.analytics.Compliance.Status;
import com.runningtrainer.trainer.share.ShareRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Training figures computed by PostgreSQL in one query each, grouped with GROUPING SETS so that
 * totals, weeks and workout types come back together without loading a single run (the summary
 * from runs summed ahead of time per block of days, see {@link Blocks}); a plan's
 * progress comes back counted per week, each workout judged in SQL as {@link Compliance} judges
 * it. Only runs the caller sees count: for a coach, runs imported from Strava
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

  // The plan's workouts, with the runs the caller sees done of each summed in one pass over those
  // runs (a look-up per workout cost a millisecond per 1,000), judged as Compliance judges them;
  // and the runs the caller sees within the plan's dates that are linked to no workout (no status).
  // The runs are picked by the plan's workouts read again rather than from `planned`: a CTE read
  // twice is materialised, which cost PostgreSQL more than reading the plan's workouts twice.
  // $1 the owner, $2 the plan, $3 the owner's today; `caller` the placeholder of a reader who is not
  // the owner, whose share is checked, or null for the owner, who sees all of it: for 1,000 workouts
  // the checks cost PostgreSQL a third of its planning and a tenth of its run (bench/README.md,
  // "SQL without the share checks for the owner").
  private static String judged(String caller) {
    String readable = caller == null ? "" : " AND $1 IN " + ShareRepository.ownersReadableBy(caller);
    return "WITH planned AS (SELECT w.id, w.scheduled_date, w.workout_type, "
        + "w.distance_km, w.duration_minutes FROM workouts w WHERE w.plan_id = $2 AND w.owner_id = $1" + readable + "), "
        + "done AS (SELECT d.workout_id, count(*) AS runs, sum(d.distance_km) AS distance_km, "
        + "sum(d.duration_minutes) AS duration_minutes FROM runs d WHERE d.owner_id = $1 "
        + "AND d.workout_id IN (SELECT x.id FROM workouts x WHERE x.plan_id = $2)" + visible("d", caller)
        + " GROUP BY d.workout_id) "
        + "SELECT scheduled_date AS day, " + Compliance.statusSql("workout_type", "scheduled_date", "runs", "ratio", "$3")
        + " AS status, runs > 0 AS completed, distance_km AS planned_km, done_km AS actual_km, NULL::numeric AS unplanned_km "
        + "FROM (SELECT w.scheduled_date, w.workout_type, w.distance_km, coalesce(d.runs, 0) AS runs, "
        + "coalesce(d.distance_km, 0) AS done_km, "
        + Compliance.ratioSql("w.distance_km", "w.duration_minutes", "d.distance_km", "d.duration_minutes") + " AS ratio "
        + "FROM planned w LEFT JOIN done d ON d.workout_id = w.id) w "
        + "UNION ALL SELECT r.actual_date, NULL, false, NULL, 0, r.distance_km FROM runs r "
        + "JOIN training_plans p ON p.id = $2 AND p.owner_id = r.owner_id WHERE r.owner_id = $1 AND r.workout_id IS NULL "
        + "AND r.actual_date BETWEEN p.start_date AND p.end_date" + visible("r", caller);
  }

  /** The condition that the caller sees the run of alias {@code run}; none for the owner ({@code caller} null). */
  private static String visible(String run, String caller) {
    return caller == null ? "" : " AND " + ShareRepository.runVisibleTo(run, caller);
  }

  // Those counted per week of the owner's (from ISO day $4) and over the whole plan, so that a plan of
  // 1,000 workouts comes back as some 150 rows. Rest days count only as rest: never completed, missed
  // or upcoming, and their distance is not planned running.
  private static String progress(String caller) {
    return "SELECT GROUPING(week) AS overall, week AS week_start, "
        + Arrays.stream(Status.values())
            .map(status -> "count(*) FILTER (WHERE status = '" + status.label() + "') AS " + status.label())
            .collect(Collectors.joining(", "))
        + ", count(*) FILTER (WHERE status <> 'rest') AS total, "
        + "count(*) FILTER (WHERE completed AND status <> 'rest') AS completed, "
        + "coalesce(sum(planned_km) FILTER (WHERE status <> 'rest'), 0) AS planned_km, "
        + "coalesce(sum(actual_km) FILTER (WHERE status <> 'rest'), 0) AS actual_km, "
        + "count(*) FILTER (WHERE status IS NULL) AS unplanned_runs, coalesce(sum(unplanned_km), 0) AS unplanned_km "
        + "FROM (SELECT " + weekOf("day", "$4") + " AS week, status, completed, planned_km, actual_km, unplanned_km "
        + "FROM (" + judged(caller) + ") j) w GROUP BY GROUPING SETS ((week), ()) ORDER BY week";
  }

  private static final String OWN_PROGRESS = progress(null);
  private static final String SHARED_PROGRESS = progress("$5");

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

  /**
   * Progress through a plan as of the owner's {@code today}, in weeks starting on {@code weekStart};
   * zeros for a plan with no workouts.
   */
  public Future<JsonObject> progress(UUID caller, UUID owner, UUID planId, DayOfWeek weekStart, LocalDate today) {
    Tuple params = Tuple.of(owner, planId, today, weekStart.getValue());
    if (caller.equals(owner)) {
      return pool.preparedQuery(OWN_PROGRESS).execute(params).map(PlanProgress::of);
    }
    return pool.preparedQuery(SHARED_PROGRESS).execute(params.addUUID(caller)).map(PlanProgress::of);
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
