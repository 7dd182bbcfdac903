package com.runningtrainer.trainer.analytics;

import com.runningtrainer.trainer.analytics.TrainingLoad.Daily;
import com.runningtrainer.trainer.share.ShareRepository;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SQL behind load and predictions: a day's sums of the owner's whole history in one grouped
 * query (no run leaves PostgreSQL), and the few runs of 90 days that may stand for a race. Only
 * runs the caller sees count: for a coach, runs imported from Strava only when the athlete opted in.
 */
public final class FitnessRepository {

  // A day's load is its runs' km² ÷ minutes (stored per run, V5) times 100/60 × threshold pace²
  // (TrainingLoad). Whether the caller sees a run depends on its owner, fixed here, and on whether
  // it comes from Strava: the share fragment is asked once for each kind (InitPlans), not once a
  // run, which on 25,000 runs also made the planner's estimate cross jit_above_cost, and compiling
  // the query took longer than running it.
  private static final String DAILY = "SELECT r.actual_date - DATE '1970-01-01' AS day, "
      + "sum(r.km_squared_per_minute) AS strain, sum(r.distance_km)::float8 AS distance_km "
      + "FROM runs r WHERE r.owner_id = $1 AND r.actual_date <= $2 "
      + "AND CASE WHEN r.source = 'strava' THEN " + ownersRunsVisible("strava") + " ELSE " + ownersRunsVisible("manual")
      + " END GROUP BY r.actual_date ORDER BY r.actual_date";

  // A run carries its workout's type (V9), so races are told without joining the workouts.
  private static final String EFFORTS = "SELECT r.id, r.actual_date, r.distance_km::float8 AS distance_km, "
      + "r.duration_minutes::float8 AS duration_minutes, coalesce(r.workout_type = 'race', false) AS race "
      + "FROM runs r "
      + "WHERE r.owner_id = $1 AND r.actual_date BETWEEN $2 AND $3 AND " + ShareRepository.runVisibleTo("r", "$4") + " "
      + "AND (r.distance_km >= " + Effort.MIN_RUN_KM + " OR (r.workout_type = 'race' AND r.distance_km >= "
      + Effort.MIN_RACE_KM + ")) "
      + "AND r.duration_minutes BETWEEN r.distance_km * " + Effort.FASTEST_PACE + " AND r.distance_km * "
      + Effort.SLOWEST_PACE;

  /**
   * Whether the caller ($3) sees the owner's ($1) runs of this source, by the share fragment, which
   * tells Strava's runs from all others: "manual" stands for every source but Strava.
   */
  private static String ownersRunsVisible(String source) {
    return "(SELECT " + ShareRepository.runVisibleTo("v", "$3") + " FROM (SELECT $1::uuid AS owner_id, '" + source
        + "'::text AS source) v)";
  }

  private final Pool pool;

  public FitnessRepository(Pool pool) {
    this.pool = pool;
  }

  /** The owner's days with runs the caller sees, up to {@code to}, from the first run ever. */
  public Future<Daily> daily(UUID caller, UUID owner, LocalDate to) {
    return pool.preparedQuery(DAILY).execute(Tuple.of(owner, to, caller)).map(FitnessRepository::toDaily);
  }

  /** The owner's runs the caller sees from {@code from} to {@code to} that qualify as an effort. */
  public Future<List<Effort>> efforts(UUID caller, UUID owner, LocalDate from, LocalDate to) {
    return pool.preparedQuery(EFFORTS).execute(Tuple.of(owner, from, to, caller)).map(rows -> {
      List<Effort> efforts = new ArrayList<>(rows.size());
      for (Row row : rows) {
        efforts.add(new Effort(row.getUUID("id"), row.getLocalDate("actual_date"), row.getDouble("distance_km"),
            row.getDouble("duration_minutes"), row.getBoolean("race")));
      }
      return efforts;
    });
  }

  private static Daily toDaily(RowSet<Row> rows) {
    int size = rows.size();
    long[] days = new long[size];
    double[] strain = new double[size];
    double[] distance = new double[size];
    int i = 0;
    for (Row row : rows) {
      days[i] = row.getInteger(0);
      strain[i] = row.getDouble(1);
      distance[i] = row.getDouble(2);
      i++;
    }
    return new Daily(days, strain, distance, size);
  }
}
