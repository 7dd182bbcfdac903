package com.runningtrainer.trainer.workout;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Page;
import com.runningtrainer.common.db.PagedQuery;
import com.runningtrainer.common.db.Rows;
import com.runningtrainer.trainer.analytics.Compliance;
import com.runningtrainer.trainer.analytics.Compliance.Done;
import com.runningtrainer.trainer.analytics.Compliance.Planned;
import com.runningtrainer.trainer.run.RunMatcher.Candidate;
import com.runningtrainer.trainer.share.ShareRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * All SQL of workouts. Every statement is scoped to the caller (their own workouts, and a sharing
 * athlete's: to read; to change, read-write) and keeps a workout in a plan of its owner's.
 * Every workout answered carries its compliance, from what the caller sees done of it, in the
 * same statement.
 */
public final class WorkoutRepository {

  private static final String COLUMNS = "id, owner_id, plan_id, name, workout_type, description, scheduled_date, distance_km, "
      + "duration_minutes, created_at, updated_at";

  /**
   * Joins what the caller ({@code $n}) sees done of the workout of alias {@code w}: the sums of the
   * runs linked to it that they may read (a coach without the athlete's consent does not see
   * Strava runs), as {@link #DONE_COLUMNS}.
   */
  private static String doneBy(String caller) {
    return "LEFT JOIN LATERAL (SELECT count(*) AS done_runs, coalesce(sum(d.distance_km), 0) AS done_distance_km, "
        + "coalesce(sum(d.duration_minutes), 0) AS done_duration_minutes FROM runs d WHERE d.workout_id = w.id "
        + "AND d.owner_id = w.owner_id AND " + ShareRepository.runVisibleTo("d", caller) + ") done ON true";
  }

  /** The columns {@link #doneBy} adds, which {@link #done} reads. */
  private static final String DONE_COLUMNS = "done.done_runs, done.done_distance_km, done.done_duration_minutes";

  // The owner's time zone too: their today decides whether a workout with nothing done is missed or upcoming.
  private static final String COMPLIANCE_COLUMNS = DONE_COLUMNS + ", coalesce((SELECT s.timezone FROM athlete_settings s "
      + "WHERE s.owner_id = w.owner_id), 'UTC') AS owner_timezone";

  // Inserted only into the owner's plan, and only inside the plan's dates.
  private static final String INSERT = "WITH written AS (INSERT INTO workouts (id, owner_id, plan_id, name, workout_type, description, "
      + "scheduled_date, distance_km, duration_minutes) "
      + "SELECT $1, $2, p.id, $4, $5, $6, $7, $8, $9 FROM training_plans p "
      + "WHERE p.id = $3 AND p.owner_id = $2 AND $7 BETWEEN p.start_date AND p.end_date "
      + "AND $2 IN " + ShareRepository.ownersWritableBy("$10") + " RETURNING " + COLUMNS + ") "
      + "SELECT w.*, " + COMPLIANCE_COLUMNS + " FROM written w " + doneBy("$10");

  private static final String FIND = "SELECT " + COLUMNS + ", " + COMPLIANCE_COLUMNS + " FROM workouts w " + doneBy("$2")
      + " WHERE id = $1 AND owner_id IN " + ShareRepository.ownersReadableBy("$2");

  private static final String FILTER = "WHERE owner_id = $1 AND ($2::uuid IS NULL OR plan_id = $2) "
      + "AND ($3::date IS NULL OR scheduled_date >= $3) AND ($4::date IS NULL OR scheduled_date <= $4) "
      + "AND ($5::text IS NULL OR workout_type = $5) AND $1 IN " + ShareRepository.ownersReadableBy("$6") + " ";

  private static final String PAGE_SQL = "SELECT " + COLUMNS + ", " + COMPLIANCE_COLUMNS
      + ", count(*) OVER () AS total FROM workouts w " + doneBy("$6") + " " + FILTER
      + "ORDER BY scheduled_date, created_at, id LIMIT $7 OFFSET $8";

  private static final String OF_PLAN = "SELECT " + COLUMNS + " FROM workouts WHERE plan_id = $1 AND owner_id IN "
      + ShareRepository.ownersReadableBy("$2") + " ORDER BY scheduled_date, created_at, id";

  private static final String UPDATE = "WITH written AS (UPDATE workouts w SET plan_id = p.id, name = $4, workout_type = $5, "
      + "description = $6, scheduled_date = $7, distance_km = $8, duration_minutes = $9, updated_at = now() "
      + "FROM training_plans p WHERE w.id = $1 AND w.owner_id IN " + ShareRepository.ownersWritableBy("$2")
      + " AND p.id = $3 AND p.owner_id = w.owner_id AND $7 BETWEEN p.start_date AND p.end_date RETURNING "
      + "w.id, w.owner_id, w.plan_id, w.name, w.workout_type, w.description, w.scheduled_date, w.distance_km, "
      + "w.duration_minutes, w.created_at, w.updated_at) "
      + "SELECT w.*, " + COMPLIANCE_COLUMNS + " FROM written w " + doneBy("$2");

  private static final String DELETE = "DELETE FROM workouts WHERE id = $1 AND owner_id IN "
      + ShareRepository.ownersWritableBy("$2") + " RETURNING " + COLUMNS;

  // A move locks the workout's plan, as a plan's shift does, so that the two follow one another.
  private static final String LOCK_FOR_MOVE = "SELECT w.plan_id, w.scheduled_date, p.start_date, p.end_date "
      + "FROM workouts w JOIN training_plans p ON p.id = w.plan_id AND p.owner_id = w.owner_id "
      + "WHERE w.id = $1 AND w.owner_id IN " + ShareRepository.ownersWritableBy("$2") + " FOR UPDATE OF p";

  private static final String SWAP = "UPDATE workouts w SET scheduled_date = $3, updated_at = now() "
      + "WHERE w.plan_id = $1 AND w.scheduled_date = $2 AND w.id <> $4 "
      + "AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.workout_id = w.id) RETURNING " + COLUMNS;

  private static final String MOVE = "UPDATE workouts SET scheduled_date = $2, updated_at = now() WHERE id = $1 "
      + "RETURNING " + COLUMNS;

  // Matching: the owner's workouts of a day are locked first, so that two runs matched at once
  // on that day see each other's match (the second statement reads after the first one's commit).
  // Not FOR UPDATE: a run written meanwhile with one of them as its workout takes a key-share lock
  // on it, and would wait for the matcher while the matcher waits for that run: a deadlock.
  private static final String LOCK_DAY = "SELECT id FROM workouts WHERE owner_id = $1 AND scheduled_date = $2 "
      + "FOR NO KEY UPDATE";

  private static final String DAY = "SELECT w.id, w.workout_type, w.scheduled_date, w.distance_km, w.duration_minutes, "
      + "w.created_at, EXISTS (SELECT 1 FROM runs r WHERE r.workout_id = w.id AND r.owner_id = w.owner_id) AS matched "
      + "FROM workouts w WHERE w.owner_id = $1 AND w.scheduled_date = $2";

  private final Pool pool;
  private final Clock clock;
  private final PagedQuery page;

  /** @param clock whose instant, in each owner's time zone, is the today compliance is judged on */
  public WorkoutRepository(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
    this.page = new PagedQuery(PAGE_SQL, "SELECT count(*) AS total FROM workouts " + FILTER, this::withCompliance);
  }

  /**
   * The owner's workout created by the caller; null when the plan is not the owner's, the date
   * falls outside it, or the caller may not write the owner's plans.
   */
  public Future<JsonObject> insert(UUID caller, UUID owner, WorkoutFields workout) {
    return pool.preparedQuery(INSERT).execute(params(UUID.randomUUID(), owner, workout).addUUID(caller))
        .map(rows -> Rows.first(rows, this::withCompliance));
  }

  /** The workout, when the caller reads it; null otherwise. */
  public Future<JsonObject> find(UUID caller, UUID id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id, caller)).map(rows -> Rows.first(rows, this::withCompliance));
  }

  /** Every workout of the plan, in date order, when the caller reads it; none otherwise. */
  public Future<JsonArray> ofPlan(UUID caller, UUID planId) {
    return pool.preparedQuery(OF_PLAN).execute(Tuple.of(planId, caller))
        .map(rows -> Rows.array(rows, WorkoutRepository::toJson));
  }

  /** The owner's workouts, when the caller reads them; an empty page otherwise. */
  public Future<JsonObject> page(UUID caller, UUID owner, WorkoutFilter filter, Page page) {
    Tuple params = Tuple.of(owner, filter.planId(), filter.dates().from(), filter.dates().to(), filter.workoutType(),
        caller);
    return this.page.fetch(pool, params, page);
  }

  /**
   * The workout as updated; null when the caller may not change it, the plan it names is not
   * of the workout's owner, or the date falls outside.
   */
  public Future<JsonObject> update(UUID caller, UUID id, WorkoutFields workout) {
    return pool.preparedQuery(UPDATE).execute(params(id, caller, workout))
        .map(rows -> Rows.first(rows, this::withCompliance));
  }

  /**
   * Deletes the workout when the caller may change it, and answers it as it was; null when nothing
   * was deleted. Runs linked to it are kept, unlinked by the schema.
   */
  public Future<JsonObject> delete(UUID caller, UUID id) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(id, caller)).map(rows -> Rows.first(rows, WorkoutRepository::toJson));
  }

  /**
   * Moves the workout, and with a swap those on the target date to its old one, in one
   * transaction: {@code workout} and {@code swapped}; null when the caller may not change it;
   * 422, nothing moved, for a date outside the plan.
   */
  public Future<JsonObject> move(UUID caller, UUID id, WorkoutMove move) {
    return pool.withTransaction(connection -> connection.preparedQuery(LOCK_FOR_MOVE).execute(Tuple.of(id, caller))
        .compose(rows -> rows.iterator().hasNext() ? moveLocked(connection, id, rows.iterator().next(), move)
            : Future.succeededFuture()));
  }

  private static Future<JsonObject> moveLocked(SqlConnection connection, UUID id, Row found, WorkoutMove move) {
    if (move.date().isBefore(found.getLocalDate("start_date")) || move.date().isAfter(found.getLocalDate("end_date"))) {
      return Future.failedFuture(Failures.unprocessable("date", "must fall between the plan's start_date and end_date"));
    }
    LocalDate source = found.getLocalDate("scheduled_date");
    Future<JsonArray> swapped = !move.swap() || source.equals(move.date()) ? Future.succeededFuture(new JsonArray())
        : connection.preparedQuery(SWAP).execute(Tuple.of(found.getUUID("plan_id"), move.date(), source, id))
            .map(rows -> Rows.array(rows, WorkoutRepository::toJson));
    return swapped.compose(others -> connection.preparedQuery(MOVE).execute(Tuple.of(id, move.date()))
        .map(rows -> new JsonObject().put("workout", Rows.first(rows, WorkoutRepository::toJson)).put("swapped", others)));
  }

  /**
   * The owner's workouts of the day a run may be matched to, each saying whether a run is linked
   * to it already; locked until {@code transaction} ends, so call it inside one.
   */
  public Future<List<Candidate>> candidatesOn(SqlClient transaction, UUID owner, LocalDate day) {
    return transaction.preparedQuery(LOCK_DAY).execute(Tuple.of(owner, day))
        .compose(locked -> transaction.preparedQuery(DAY).execute(Tuple.of(owner, day)))
        .map(rows -> {
          List<Candidate> candidates = new ArrayList<>();
          rows.forEach(row -> candidates.add(new Candidate(row.getUUID("id"), row.getString("workout_type"),
              row.getLocalDate("scheduled_date"), row.getBigDecimal("distance_km"), row.getBigDecimal("duration_minutes"),
              row.getBoolean("matched"), row.getOffsetDateTime("created_at"))));
          return candidates;
        });
  }

  private static Tuple params(UUID id, UUID owner, WorkoutFields workout) {
    return Tuple.of(id, owner, workout.planId(), workout.name(), workout.workoutType(), workout.description(),
        workout.scheduledDate(), workout.distanceKm(), workout.durationMinutes());
  }

  /** What was planned, from a row of the workout's columns. */
  private static Planned planned(Row row) {
    return new Planned(row.getString("workout_type"), row.getLocalDate("scheduled_date"),
        row.getBigDecimal("distance_km"), row.getBigDecimal("duration_minutes"));
  }

  /** What was done, from a row with {@link #DONE_COLUMNS}. */
  private static Done done(Row row) {
    return new Done(row.getLong("done_runs").intValue(), row.getBigDecimal("done_distance_km"),
        row.getBigDecimal("done_duration_minutes"));
  }

  private JsonObject withCompliance(Row row) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(row.getString("owner_timezone"))));
    return toJson(row).put("compliance", Compliance.of(planned(row), done(row), today).toJson());
  }

  static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", Rows.uuid(row, "id"))
        .put("owner_id", Rows.uuid(row, "owner_id"))
        .put("plan_id", Rows.uuid(row, "plan_id"))
        .put("name", row.getString("name"))
        .put("workout_type", row.getString("workout_type"))
        .put("description", row.getString("description"))
        .put("scheduled_date", Rows.date(row, "scheduled_date"))
        .put("distance_km", Rows.number(row, "distance_km"))
        .put("duration_minutes", Rows.number(row, "duration_minutes"))
        .put("created_at", Rows.timestamp(row, "created_at"))
        .put("updated_at", Rows.timestamp(row, "updated_at"));
  }
}
