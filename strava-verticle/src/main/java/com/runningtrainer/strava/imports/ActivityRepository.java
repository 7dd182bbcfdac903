package com.runningtrainer.strava.imports;

import com.runningtrainer.common.api.Page;
import com.runningtrainer.common.db.PagedQuery;
import com.runningtrainer.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** All SQL of imported activities, each statement for one owner. */
public final class ActivityRepository {

  private static final String COLUMNS = "activity_id, name, sport_type, private, manual, start_date, timezone, local_date, "
      + "distance_km, moving_minutes, elapsed_minutes, average_pace, elevation_gain_m, run_id, workout_id, "
      + "imported_at, updated_at";

  private static final String FIND = "SELECT " + COLUMNS + " FROM activities WHERE owner_id = $1 AND activity_id = $2";

  private static final String SAVE = "INSERT INTO activities (owner_id, activity_id, name, sport_type, private, manual, "
      + "start_date, timezone, local_date, distance_km, moving_minutes, elapsed_minutes, average_pace, elevation_gain_m, "
      + "run_id, workout_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) "
      + "ON CONFLICT (owner_id, activity_id) DO UPDATE SET name = EXCLUDED.name, sport_type = EXCLUDED.sport_type, "
      + "private = EXCLUDED.private, manual = EXCLUDED.manual, start_date = EXCLUDED.start_date, "
      + "timezone = EXCLUDED.timezone, local_date = EXCLUDED.local_date, distance_km = EXCLUDED.distance_km, "
      + "moving_minutes = EXCLUDED.moving_minutes, elapsed_minutes = EXCLUDED.elapsed_minutes, "
      + "average_pace = EXCLUDED.average_pace, elevation_gain_m = EXCLUDED.elevation_gain_m, run_id = EXCLUDED.run_id, "
      + "workout_id = EXCLUDED.workout_id, updated_at = now() RETURNING " + COLUMNS;

  private static final String DELETE = "DELETE FROM activities WHERE owner_id = $1 AND activity_id = $2 RETURNING " + COLUMNS;

  private static final String DELETE_ALL = "DELETE FROM activities WHERE owner_id = $1";

  // Owners whose activities outlived their connection (a sync's page imported while they disconnected).
  private static final String DISCONNECTED_OWNERS = "SELECT DISTINCT a.owner_id FROM activities a WHERE NOT EXISTS "
      + "(SELECT 1 FROM connections c WHERE c.owner_id = a.owner_id) LIMIT $1";

  private static final String NEWEST_START = "SELECT max(start_date) AS newest FROM activities WHERE owner_id = $1";

  private static final String FILTER = "WHERE owner_id = $1 AND ($2::date IS NULL OR local_date >= $2) "
      + "AND ($3::date IS NULL OR local_date <= $3) AND ($4::text IS NULL OR sport_type = $4) ";

  private static final PagedQuery PAGE = new PagedQuery(
      "SELECT " + COLUMNS + ", count(*) OVER () AS total FROM activities " + FILTER
          + "ORDER BY start_date DESC, activity_id DESC LIMIT $5 OFFSET $6",
      "SELECT count(*) AS total FROM activities " + FILTER,
      ActivityRepository::toJson);

  private final Pool pool;

  public ActivityRepository(Pool pool) {
    this.pool = pool;
  }

  /** The owner's activity as the API shows it; null when it is not imported. */
  public Future<JsonObject> find(UUID owner, long activityId) {
    return pool.preparedQuery(FIND).execute(Tuple.of(owner, activityId)).map(rows -> Rows.first(rows, ActivityRepository::toJson));
  }

  /** Stores the activity as Strava gives it now, with the run it made (null: none); the row as stored. */
  public Future<JsonObject> save(UUID owner, StravaActivity activity, UUID runId, UUID workoutId) {
    return pool.preparedQuery(SAVE).execute(Tuple.from(Arrays.asList(owner, activity.id(), activity.name(),
            activity.sportType(), activity.privateOnly(), activity.manual(), activity.startDate().atOffset(ZoneOffset.UTC),
            activity.timezone(), activity.localDate(), activity.distanceKm(), activity.movingMinutes(),
            activity.elapsedMinutes(), activity.averagePace(), activity.elevationGainM(), runId, workoutId)))
        .map(rows -> Rows.first(rows, ActivityRepository::toJson));
  }

  /** Deletes the owner's activity: the row it was, null when there was none. */
  public Future<JsonObject> delete(UUID owner, long activityId) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(owner, activityId)).map(rows -> Rows.first(rows, ActivityRepository::toJson));
  }

  /** Deletes every activity of the owner's: how many there were. */
  public Future<Integer> deleteAll(UUID owner) {
    return pool.preparedQuery(DELETE_ALL).execute(Tuple.of(owner)).map(rows -> rows.rowCount());
  }

  /** Up to {@code limit} owners who have imported activities but no connection any more. */
  public Future<List<UUID>> disconnectedOwners(int limit) {
    return pool.preparedQuery(DISCONNECTED_OWNERS).execute(Tuple.of(limit)).map(rows -> {
      List<UUID> owners = new ArrayList<>();
      rows.forEach(row -> owners.add(row.getUUID("owner_id")));
      return owners;
    });
  }

  /** The start of the owner's newest activity; null when none is imported. */
  public Future<OffsetDateTime> newestStart(UUID owner) {
    return pool.preparedQuery(NEWEST_START).execute(Tuple.of(owner))
        .map(rows -> rows.iterator().next().getOffsetDateTime("newest"));
  }

  /** The owner's activities, newest first, of the dates (both included) and sport given (null: any). */
  public Future<JsonObject> page(UUID owner, LocalDate from, LocalDate to, String sportType, Page page) {
    return PAGE.fetch(pool, Tuple.of(owner, from, to, sportType), page);
  }

  static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("activity_id", row.getLong("activity_id"))
        .put("name", row.getString("name"))
        .put("sport_type", row.getString("sport_type"))
        .put("is_run", StravaActivity.RUNNING.contains(row.getString("sport_type")))
        .put("private", row.getBoolean("private"))
        .put("manual", row.getBoolean("manual"))
        .put("start_date", Rows.timestamp(row, "start_date"))
        .put("timezone", row.getString("timezone"))
        .put("local_date", Rows.date(row, "local_date"))
        .put("distance_km", Rows.number(row, "distance_km"))
        .put("moving_minutes", Rows.number(row, "moving_minutes"))
        .put("elapsed_minutes", Rows.number(row, "elapsed_minutes"))
        .put("average_pace", Rows.number(row, "average_pace"))
        .put("elevation_gain_m", Rows.number(row, "elevation_gain_m"))
        .put("run_id", Rows.uuid(row, "run_id"))
        .put("workout_id", Rows.uuid(row, "workout_id"))
        .put("imported_at", Rows.timestamp(row, "imported_at"))
        .put("updated_at", Rows.timestamp(row, "updated_at"));
  }
}
