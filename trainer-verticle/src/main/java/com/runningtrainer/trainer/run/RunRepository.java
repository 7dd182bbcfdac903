package com.runningtrainer.trainer.run;

import com.runningtrainer.common.api.Page;
import com.runningtrainer.common.db.PagedQuery;
import com.runningtrainer.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/** All SQL of runs. Every statement is scoped to the owner; a run links only to the owner's workout. */
public final class RunRepository {

  private static final String COLUMNS =
      "id, workout_id, actual_date, distance_km, duration_minutes, average_pace, notes, created_at, updated_at";

  private static final String OWNED_WORKOUT =
      "($3::uuid IS NULL OR EXISTS (SELECT 1 FROM workouts w WHERE w.id = $3 AND w.owner_id = $2))";

  private static final String INSERT = "INSERT INTO runs (id, owner_id, workout_id, actual_date, distance_km, "
      + "duration_minutes, average_pace, notes) SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE " + OWNED_WORKOUT
      + " RETURNING " + COLUMNS;

  private static final String FIND = "SELECT " + COLUMNS + " FROM runs WHERE id = $1 AND owner_id = $2";

  private static final String FILTER = "WHERE owner_id = $1 AND ($2::date IS NULL OR actual_date >= $2) "
      + "AND ($3::date IS NULL OR actual_date <= $3) AND ($4::uuid IS NULL OR workout_id = $4) ";

  private static final PagedQuery PAGE = new PagedQuery(
      "SELECT " + COLUMNS + ", count(*) OVER () AS total FROM runs " + FILTER
          + "ORDER BY actual_date DESC, created_at DESC, id LIMIT $5 OFFSET $6",
      "SELECT count(*) AS total FROM runs " + FILTER,
      RunRepository::toJson);

  private static final String UPDATE = "UPDATE runs SET workout_id = $3, actual_date = $4, distance_km = $5, "
      + "duration_minutes = $6, average_pace = $7, notes = $8, updated_at = now() "
      + "WHERE id = $1 AND owner_id = $2 AND " + OWNED_WORKOUT + " RETURNING " + COLUMNS;

  private static final String DELETE = "DELETE FROM runs WHERE id = $1 AND owner_id = $2";

  private final Pool pool;

  public RunRepository(Pool pool) {
    this.pool = pool;
  }

  /** The run recorded; null when it names a workout that is not the owner's. */
  public Future<JsonObject> insert(UUID owner, RunFields run) {
    return pool.preparedQuery(INSERT).execute(params(UUID.randomUUID(), owner, run))
        .map(rows -> Rows.first(rows, RunRepository::toJson));
  }

  /** The owner's run, or null. */
  public Future<JsonObject> find(UUID owner, UUID id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id, owner)).map(rows -> Rows.first(rows, RunRepository::toJson));
  }

  public Future<JsonObject> page(UUID owner, RunFilter filter, Page page) {
    return PAGE.fetch(pool, Tuple.of(owner, filter.dates().from(), filter.dates().to(), filter.workoutId()), page);
  }

  /** The run as updated; null when it is not the owner's or names a workout that is not. */
  public Future<JsonObject> update(UUID owner, UUID id, RunFields run) {
    return pool.preparedQuery(UPDATE).execute(params(id, owner, run)).map(rows -> Rows.first(rows, RunRepository::toJson));
  }

  public Future<Boolean> delete(UUID owner, UUID id) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(id, owner)).map(rows -> rows.rowCount() > 0);
  }

  private static Tuple params(UUID id, UUID owner, RunFields run) {
    return Tuple.of(id, owner, run.workoutId(), run.actualDate(), run.distanceKm(), run.durationMinutes(),
        run.averagePace(), run.notes());
  }

  static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", Rows.uuid(row, "id"))
        .put("workout_id", Rows.uuid(row, "workout_id"))
        .put("actual_date", Rows.date(row, "actual_date"))
        .put("distance_km", Rows.number(row, "distance_km"))
        .put("duration_minutes", Rows.number(row, "duration_minutes"))
        .put("average_pace", Rows.number(row, "average_pace"))
        .put("notes", row.getString("notes"))
        .put("created_at", Rows.timestamp(row, "created_at"))
        .put("updated_at", Rows.timestamp(row, "updated_at"));
  }
}
