package com.runningtrainer.trainer.plan;

import com.runningtrainer.common.api.Page;
import com.runningtrainer.common.db.PagedQuery;
import com.runningtrainer.common.db.Rows;
import com.runningtrainer.trainer.plan.generate.GeneratedPlan;
import com.runningtrainer.trainer.plan.generate.PlannedWorkout;
import com.runningtrainer.trainer.share.ShareRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
  private static final String DELETE = "DELETE FROM training_plans WHERE id = $1 AND owner_id = $2 RETURNING " + COLUMNS;

  // The plan tools (copy, shift, generate) change a plan and its workouts together, each in one transaction.

  // A copy is the owner's, made by the athlete or a read-write coach, every date moved by $4 days.
  private static final String COPY = "INSERT INTO training_plans "
      + "(id, owner_id, name, description, start_date, end_date, goal_race_date) "
      + "SELECT $1, owner_id, $3, description, start_date + $4::int, end_date + $4::int, goal_race_date + $4::int "
      + "FROM training_plans WHERE id = $2 AND owner_id IN " + ShareRepository.ownersWritableBy("$5")
      + " RETURNING " + COLUMNS;

  private static final String COPY_WORKOUTS = "INSERT INTO workouts (id, owner_id, plan_id, name, workout_type, "
      + "description, scheduled_date, distance_km, duration_minutes) "
      + "SELECT gen_random_uuid(), owner_id, $1, name, workout_type, description, scheduled_date + $4::int, "
      + "distance_km, duration_minutes FROM workouts WHERE plan_id = $2 AND owner_id = $3";

  // Locked, so that a shift and a workout's move of the same plan follow one another.
  private static final String LOCK_WRITABLE = "SELECT " + COLUMNS + " FROM training_plans WHERE id = $1 AND owner_id IN "
      + ShareRepository.ownersWritableBy("$2") + " FOR UPDATE OF training_plans";

  private static final String DONE = "EXISTS (SELECT 1 FROM runs r WHERE r.workout_id = w.id)";

  private static final String SHIFT_SPAN = "SELECT min(w.scheduled_date) FILTER (WHERE NOT " + DONE + ") AS first_moving, "
      + "max(w.scheduled_date) FILTER (WHERE NOT " + DONE + ") AS last_moving, "
      + "count(*) FILTER (WHERE " + DONE + ") AS done FROM workouts w "
      + "WHERE w.plan_id = $1 AND w.scheduled_date >= $2";

  private static final String SHIFT_WORKOUTS = "UPDATE workouts w SET scheduled_date = w.scheduled_date + $3::int, "
      + "updated_at = now() WHERE w.plan_id = $1 AND w.scheduled_date >= $2 AND NOT " + DONE;

  private static final String SHIFT_DATES = "UPDATE training_plans SET start_date = $2, end_date = $3, "
      + "goal_race_date = $4, updated_at = now() WHERE id = $1 RETURNING " + COLUMNS;

  private static final String INSERT_WORKOUT = "INSERT INTO workouts (id, owner_id, plan_id, name, workout_type, "
      + "description, scheduled_date, distance_km) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

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

  /**
   * Deletes the plan and, by the schema's cascade, its workouts; runs are only unlinked. The plan
   * as it was, or null when nothing was deleted.
   */
  public Future<JsonObject> delete(UUID owner, UUID id) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(id, owner)).map(rows -> Rows.first(rows, PlanRepository::toJson));
  }

  /**
   * A copy of the plan for its owner, named {@code name}, with every workout (never a run) moved
   * by {@code days}; null when the caller may not write the owner's plans.
   */
  public Future<JsonObject> copy(UUID caller, UUID id, long days, String name) {
    return pool.withTransaction(connection -> connection.preparedQuery(COPY)
        .execute(Tuple.of(UUID.randomUUID(), id, name, Math.toIntExact(days), caller))
        .map(rows -> Rows.first(rows, PlanRepository::toJson))
        .compose(copy -> copy == null ? Future.succeededFuture() : connection.preparedQuery(COPY_WORKOUTS)
            .execute(Tuple.of(UUID.fromString(copy.getString("id")), id, UUID.fromString(copy.getString("owner_id")),
                Math.toIntExact(days)))
            .map(copy)));
  }

  /**
   * Moves the plan's workouts not yet done on and after the shift's date, and its dates as the
   * shift says (which fails the whole, changing nothing, when it refuses); the plan with
   * {@code workouts_moved} and {@code done_workouts_kept}, or null when the caller may not change it.
   */
  public Future<JsonObject> shift(UUID caller, UUID id, PlanShift shift) {
    return pool.withTransaction(connection -> connection.preparedQuery(LOCK_WRITABLE).execute(Tuple.of(id, caller))
        .map(rows -> Rows.first(rows, PlanRepository::toJson))
        .compose(plan -> plan == null ? Future.succeededFuture() : shiftLocked(connection, plan, shift)));
  }

  private static Future<JsonObject> shiftLocked(SqlConnection connection, JsonObject plan, PlanShift shift) {
    UUID id = UUID.fromString(plan.getString("id"));
    return connection.preparedQuery(SHIFT_SPAN).execute(Tuple.of(id, shift.from()))
        .map(rows -> rows.iterator().next())
        .compose(span -> {
          PlanShift.Dates dates = shift.apply(dates(plan), span.getLocalDate("first_moving"),
              span.getLocalDate("last_moving"));
          return connection.preparedQuery(SHIFT_DATES).execute(Tuple.of(id, dates.start(), dates.end(), dates.goalRace()))
              .map(rows -> Rows.first(rows, PlanRepository::toJson).put("done_workouts_kept", span.getLong("done")));
        })
        .compose(shifted -> connection.preparedQuery(SHIFT_WORKOUTS).execute(Tuple.of(id, shift.from(), shift.days()))
            .map(rows -> shifted.put("workouts_moved", rows.rowCount())));
  }

  /** The generated plan and its workouts, the owner's; null when the caller may not write the owner's plans. */
  public Future<JsonObject> insertGenerated(UUID caller, UUID owner, GeneratedPlan generated) {
    // The plan ends on its race.
    return pool.withTransaction(connection -> connection.preparedQuery(INSERT)
        .execute(Tuple.of(UUID.randomUUID(), owner, generated.name(), generated.description(), generated.startDate(),
            generated.raceDate(), generated.raceDate(), caller))
        .map(rows -> Rows.first(rows, PlanRepository::toJson))
        .compose(plan -> plan == null ? Future.succeededFuture() : connection.preparedQuery(INSERT_WORKOUT)
            .executeBatch(workoutRows(owner, UUID.fromString(plan.getString("id")), generated.workouts()))
            .map(plan)));
  }

  private static List<Tuple> workoutRows(UUID owner, UUID planId, List<PlannedWorkout> workouts) {
    List<Tuple> rows = new ArrayList<>();
    for (PlannedWorkout w : workouts) {
      rows.add(Tuple.of(UUID.randomUUID(), owner, planId, w.name(), w.type(), w.description(), w.date(), w.distanceKm()));
    }
    return rows;
  }

  private static PlanShift.Dates dates(JsonObject plan) {
    String race = plan.getString("goal_race_date");
    return new PlanShift.Dates(LocalDate.parse(plan.getString("start_date")), LocalDate.parse(plan.getString("end_date")),
        race == null ? null : LocalDate.parse(race));
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
