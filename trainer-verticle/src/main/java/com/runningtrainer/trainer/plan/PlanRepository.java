package com.runningtrainer.trainer.plan;

import com.runningtrainer.common.api.Page;
import com.runningtrainer.common.db.PagedQuery;
import com.runningtrainer.common.db.Rows;
import com.runningtrainer.trainer.share.ShareRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * All SQL of training plans. Every statement is scoped to the caller: their own plans, and the
 * plans of athletes who share with them (to read; to change, read-write; to delete, never).
 */
public final class PlanRepository {

  private static final String COLUMNS =
      "id, owner_id, name, description, start_date, end_date, goal_race_date, created_at, updated_at";

  private static final String INSERT = "INSERT INTO training_plans "
      + "(id, owner_id, name, description, start_date, end_date, goal_race_date) "
      + "SELECT $1, $2, $3, $4, $5, $6, $7 WHERE $2 IN " + ShareRepository.ownersWritableBy("$8")
      + " RETURNING " + COLUMNS;

  private static final String FIND = "SELECT " + COLUMNS + " FROM training_plans WHERE id = $1 AND owner_id IN "
      + ShareRepository.ownersReadableBy("$2");

  private static final PagedQuery PAGE = new PagedQuery(
      "SELECT " + COLUMNS + ", count(*) OVER () AS total FROM training_plans "
          + "WHERE owner_id = $1 AND $1 IN " + ShareRepository.ownersReadableBy("$2")
          + " ORDER BY start_date DESC, created_at DESC, id LIMIT $3 OFFSET $4",
      "SELECT count(*) AS total FROM training_plans WHERE owner_id = $1 AND $1 IN "
          + ShareRepository.ownersReadableBy("$2"),
      PlanRepository::toJson);

  // The plan's workouts must still fit its dates; the row is left alone otherwise.
  private static final String UPDATE = "UPDATE training_plans SET name = $3, description = $4, start_date = $5, "
      + "end_date = $6, goal_race_date = $7, updated_at = now() "
      + "WHERE id = $1 AND owner_id IN " + ShareRepository.ownersWritableBy("$2")
      + " AND NOT EXISTS (SELECT 1 FROM workouts w WHERE w.plan_id = $1 "
      + "AND (w.scheduled_date < $5 OR w.scheduled_date > $6)) RETURNING " + COLUMNS;

  // A plan goes with its workouts and its history of progress: only the athlete deletes it.
  private static final String DELETE = "DELETE FROM training_plans WHERE id = $1 AND owner_id = $2";

  private final Pool pool;

  public PlanRepository(Pool pool) {
    this.pool = pool;
  }

  /** The owner's plan created by the caller; null when the caller may not write the owner's plans. */
  public Future<JsonObject> insert(UUID caller, UUID owner, PlanFields plan) {
    return pool.preparedQuery(INSERT)
        .execute(Tuple.of(UUID.randomUUID(), owner, plan.name(), plan.description(), plan.startDate(), plan.endDate(),
            plan.goalRaceDate(), caller))
        .map(rows -> Rows.first(rows, PlanRepository::toJson));
  }

  /** The plan, when the caller reads it (theirs or a sharing athlete's); null otherwise. */
  public Future<JsonObject> find(UUID caller, UUID id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id, caller)).map(rows -> Rows.first(rows, PlanRepository::toJson));
  }

  /** The owner's plans, when the caller reads them; an empty page otherwise. */
  public Future<JsonObject> page(UUID caller, UUID owner, Page page) {
    return PAGE.fetch(pool, Tuple.of(owner, caller), page);
  }

  /** The plan as updated; null when the caller may not change it or a workout would fall outside its dates. */
  public Future<JsonObject> update(UUID caller, UUID id, PlanFields plan) {
    return pool.preparedQuery(UPDATE)
        .execute(Tuple.of(id, caller, plan.name(), plan.description(), plan.startDate(), plan.endDate(),
            plan.goalRaceDate()))
        .map(rows -> Rows.first(rows, PlanRepository::toJson));
  }

  /** Deletes the plan and, by the schema's cascade, its workouts; runs are only unlinked. */
  public Future<Boolean> delete(UUID owner, UUID id) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(id, owner)).map(rows -> rows.rowCount() > 0);
  }

  static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", Rows.uuid(row, "id"))
        .put("owner_id", Rows.uuid(row, "owner_id"))
        .put("name", row.getString("name"))
        .put("description", row.getString("description"))
        .put("start_date", Rows.date(row, "start_date"))
        .put("end_date", Rows.date(row, "end_date"))
        .put("goal_race_date", Rows.date(row, "goal_race_date"))
        .put("created_at", Rows.timestamp(row, "created_at"))
        .put("updated_at", Rows.timestamp(row, "updated_at"));
  }
}
