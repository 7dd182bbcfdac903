package com.runningtrainer.trainer.run;

import com.runningtrainer.common.api.Page;
import com.runningtrainer.common.db.PagedQuery;
import com.runningtrainer.common.db.Rows;
import com.runningtrainer.trainer.run.RunMatcher.Done;
import com.runningtrainer.trainer.run.RunMatcher.Sport;
import com.runningtrainer.trainer.share.ShareRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * All SQL of runs. Reads are scoped to the caller: their own runs, and a sharing athlete's,
 * leaving out runs imported from Strava unless the athlete opted in. Writes are the owner's
 * alone: a coach never changes an athlete's runs. A run links only to its owner's workout.
 */
public final class RunRepository {

  private static final String COLUMNS = "id, owner_id, workout_id, actual_date, distance_km, duration_minutes, "
      + "average_pace, notes, source, strava_activity_id, workout_locked, created_at, updated_at";

  /**
   * The columns of a run as the caller ({@code $n}) reads it: the Strava activity a hand-recorded
   * run was linked to is Strava data, shown to a coach only when the athlete shares Strava runs.
   */
  private static String readColumns(String caller) {
    return COLUMNS.replace("strava_activity_id", "CASE WHEN " + ShareRepository.stravaDataVisibleTo("runs", caller)
        + " THEN strava_activity_id END AS strava_activity_id");
  }

  private static final String OWNED_WORKOUT =
      "($3::uuid IS NULL OR EXISTS (SELECT 1 FROM workouts w WHERE w.id = $3 AND w.owner_id = $2))";

  private static final String INSERT = "INSERT INTO runs (id, owner_id, workout_id, actual_date, distance_km, "
      + "duration_minutes, average_pace, notes) SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE " + OWNED_WORKOUT
      + " RETURNING " + COLUMNS;

  // An activity Strava tells about again is the run imported before: nothing is inserted then.
  private static final String IMPORT = "INSERT INTO runs (id, owner_id, workout_id, actual_date, distance_km, "
      + "duration_minutes, average_pace, notes, source, strava_activity_id) "
      + "SELECT $1, $2, $3, $4, $5, $6, $7, $8, 'strava', $9 WHERE " + OWNED_WORKOUT
      + " ON CONFLICT (owner_id, strava_activity_id) WHERE strava_activity_id IS NOT NULL DO NOTHING RETURNING " + COLUMNS;

  private static final String FIND_IMPORTED = "SELECT " + COLUMNS + " FROM runs WHERE owner_id = $1 AND strava_activity_id = $2";

  private static final String FIND = "SELECT " + readColumns("$2") + " FROM runs WHERE id = $1 AND "
      + ShareRepository.runVisibleTo("runs", "$2");

  // The list's filters and the sharing checks are in its SQL only when the request has them: with
  // every condition written as "$n IS NULL OR ..." PostgreSQL planned the query afresh for each
  // request, and planning cost more than running it (bench/README.md, "SQL without the share
  // checks for the owner").
  private static final int FROM = 1;
  private static final int TO = 2;
  private static final int WORKOUT = 4;
  private static final int SHARED = 8;
  private static final PagedQuery[] PAGES = new PagedQuery[16];

  static {
    for (int shape = 0; shape < PAGES.length; shape++) {
      PAGES[shape] = pageQuery(shape);
    }
  }

  /** The page query for the conditions {@code shape} names, numbered in that order after the owner ($1). */
  private static PagedQuery pageQuery(int shape) {
    List<String> conditions = new ArrayList<>(List.of("owner_id = $1"));
    int n = 1;
    if ((shape & FROM) != 0) {
      conditions.add("actual_date >= $" + ++n);
    }
    if ((shape & TO) != 0) {
      conditions.add("actual_date <= $" + ++n);
    }
    if ((shape & WORKOUT) != 0) {
      conditions.add("workout_id = $" + ++n);
    }
    String columns = COLUMNS;
    if ((shape & SHARED) != 0) {
      String caller = "$" + ++n;
      conditions.add(ShareRepository.runVisibleTo("runs", caller));
      columns = readColumns(caller);
    }
    String filter = "WHERE " + String.join(" AND ", conditions);
    String count = "SELECT count(*) AS total FROM runs " + filter;
    // The total by a subquery PostgreSQL counts once from the index, not by count(*) OVER (),
    // which reads and sorts every run of the runner to hand back twenty: a third of the work
    // with 500 runs (bench/README.md, "The runs list's total").
    return new PagedQuery("SELECT " + columns + ", (" + count + ") AS total FROM runs " + filter
        + " ORDER BY actual_date DESC, created_at DESC, id LIMIT $" + (n + 1) + " OFFSET $" + (n + 2),
        count, RunRepository::toJson);
  }

  private static final String BETWEEN = "SELECT " + readColumns("$4") + " FROM runs WHERE owner_id = $1 "
      + "AND actual_date BETWEEN $2 AND $3 AND " + ShareRepository.runVisibleTo("runs", "$4")
      + " ORDER BY actual_date, created_at, id";

  // A workout the runner changes by hand is locked, as by setWorkout.
  private static final String UPDATE = "UPDATE runs SET workout_id = $3, actual_date = $4, distance_km = $5, "
      + "duration_minutes = $6, average_pace = $7, notes = $8, updated_at = now(), "
      + "workout_locked = workout_locked OR workout_id IS DISTINCT FROM $3 "
      + "WHERE id = $1 AND owner_id = $2 AND " + OWNED_WORKOUT + " RETURNING " + COLUMNS;

  private static final String DELETE = "DELETE FROM runs WHERE id = $1 AND owner_id = $2";

  // The hand-recorded run of the activity: the owner's, of its date, its distance within 2 % of
  // the activity's, not linked to another activity; the closest in distance, then the first recorded.
  private static final String LINK_TO_MANUAL = "UPDATE runs SET strava_activity_id = $2, updated_at = now() "
      + "WHERE owner_id = $1 AND strava_activity_id IS NULL AND id = (SELECT m.id FROM runs m WHERE m.owner_id = $1 "
      + "AND m.source = 'manual' AND m.strava_activity_id IS NULL AND m.actual_date = $3 "
      + "AND abs(m.distance_km - $4) <= $4 * 0.02 ORDER BY abs(m.distance_km - $4), m.created_at, m.id LIMIT 1 "
      + "FOR UPDATE) RETURNING " + COLUMNS;

  // An automatic match never overwrites a workout, nor touches a run whose workout was set by hand.
  private static final String MATCH = "UPDATE runs SET workout_id = $3, updated_at = now() WHERE id = $1 AND owner_id = $2 "
      + "AND workout_id IS NULL AND NOT workout_locked AND " + OWNED_WORKOUT + " RETURNING " + COLUMNS;

  // Strava runs still free to be matched, in the order their imports would have taken them.
  private static final String UNMATCHED_IMPORTED = "SELECT id, actual_date, distance_km, duration_minutes FROM runs "
      + "WHERE owner_id = $1 AND actual_date BETWEEN $2 AND $3 AND source = 'strava' AND workout_id IS NULL "
      + "AND NOT workout_locked ORDER BY actual_date, created_at, id";

  private static final String SET_WORKOUT = "UPDATE runs SET workout_id = $3, workout_locked = true, updated_at = now() "
      + "WHERE id = $1 AND owner_id = $2 AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM workouts w WHERE w.id = $3 "
      + "AND w.owner_id = $2 AND w.workout_type <> 'rest')) RETURNING " + COLUMNS;

  // What one activity made: its Strava run goes, a hand-recorded run linked to it stays, unlinked.
  private static final String REMOVE_IMPORTED = "WITH removed AS (DELETE FROM runs WHERE owner_id = $1 "
      + "AND strava_activity_id = $2 AND source = 'strava' RETURNING id), unlinked AS (UPDATE runs "
      + "SET strava_activity_id = NULL, updated_at = now() WHERE owner_id = $1 AND strava_activity_id = $2 "
      + "AND source <> 'strava' RETURNING id) "
      + "SELECT (SELECT id FROM removed) AS removed, (SELECT id FROM unlinked) AS unlinked";

  private static final String PURGE_IMPORTED = "WITH removed AS (DELETE FROM runs WHERE owner_id = $1 "
      + "AND source = 'strava' RETURNING id), unlinked AS (UPDATE runs SET strava_activity_id = NULL, "
      + "updated_at = now() WHERE owner_id = $1 AND strava_activity_id IS NOT NULL AND source <> 'strava' RETURNING id) "
      + "SELECT (SELECT count(*) FROM removed) AS removed, (SELECT count(*) FROM unlinked) AS unlinked";

  // The run that did the workout; one with a Strava activity first, then the first recorded.
  private static final String DONE_FOR = "SELECT " + COLUMNS + " FROM runs WHERE owner_id = $1 AND workout_id = $2 "
      + "ORDER BY strava_activity_id IS NULL, created_at, id LIMIT 1";

  private final Pool pool;

  public RunRepository(Pool pool) {
    this.pool = pool;
  }

  /** The run recorded; null when it names a workout that is not the owner's. */
  public Future<JsonObject> insert(UUID owner, RunFields run) {
    return pool.preparedQuery(INSERT).execute(params(UUID.randomUUID(), owner, run))
        .map(rows -> Rows.first(rows, RunRepository::toJson));
  }

  /**
   * The run imported from this Strava activity, inserted; null when the activity is a run of the
   * owner's already, or the run names a workout that is not the owner's.
   */
  public Future<JsonObject> insertImported(UUID owner, long activityId, RunFields run) {
    return pool.preparedQuery(IMPORT).execute(params(UUID.randomUUID(), owner, run).addLong(activityId))
        .map(rows -> Rows.first(rows, RunRepository::toJson));
  }

  /** The owner's run of this Strava activity, imported or linked; null when there is none. */
  public Future<JsonObject> findImported(UUID owner, long activityId) {
    return pool.preparedQuery(FIND_IMPORTED).execute(Tuple.of(owner, activityId))
        .map(rows -> Rows.first(rows, RunRepository::toJson));
  }

  /**
   * The owner's hand-recorded run of the activity's date and distance (within 2 % of it), now
   * linked to the activity; null when there is none. Fails with a unique violation when the
   * activity became a run of the owner's meanwhile.
   */
  public Future<JsonObject> linkToManual(UUID owner, long activityId, LocalDate date, BigDecimal distanceKm) {
    return pool.preparedQuery(LINK_TO_MANUAL).execute(Tuple.of(owner, activityId, date, distanceKm))
        .map(rows -> Rows.first(rows, RunRepository::toJson));
  }

  /**
   * The run linked to the workout by an automatic match, within {@code transaction}; null when
   * the run has a workout meanwhile or had it set by hand.
   */
  public Future<JsonObject> match(SqlClient transaction, UUID owner, UUID id, UUID workoutId) {
    return transaction.preparedQuery(MATCH).execute(Tuple.of(id, owner, workoutId))
        .map(rows -> Rows.first(rows, RunRepository::toJson));
  }

  /**
   * The owner's runs from Strava between these dates (inclusive) that no workout is linked to and
   * whose workout was never set by hand, by id, in the order they were imported.
   */
  public Future<Map<UUID, Done>> unmatchedImported(SqlClient client, UUID owner, LocalDate from, LocalDate to) {
    return client.preparedQuery(UNMATCHED_IMPORTED).execute(Tuple.of(owner, from, to)).map(rows -> {
      Map<UUID, Done> runs = new LinkedHashMap<>();
      // Every run the trainer holds is running (see ActivityImports).
      rows.forEach(row -> runs.put(row.getUUID("id"), new Done(row.getLocalDate("actual_date"),
          row.getBigDecimal("distance_km"), row.getBigDecimal("duration_minutes"), Sport.RUNNING)));
      return runs;
    });
  }

  /**
   * The run with its workout set (or cleared, null) by its owner and locked; null when the run
   * is not the owner's, or the workout is not theirs or is a rest day.
   */
  public Future<JsonObject> setWorkout(UUID owner, UUID id, UUID workoutId) {
    return pool.preparedQuery(SET_WORKOUT).execute(Tuple.of(id, owner, workoutId))
        .map(rows -> Rows.first(rows, RunRepository::toJson));
  }

  /** The owner's run linked to the workout, one with a Strava activity first; null when none. */
  public Future<JsonObject> doneFor(UUID owner, UUID workoutId) {
    return pool.preparedQuery(DONE_FOR).execute(Tuple.of(owner, workoutId)).map(rows -> Rows.first(rows, RunRepository::toJson));
  }

  /** The run, when the caller sees it (theirs, or a sharing athlete's as the share allows); null otherwise. */
  public Future<JsonObject> find(UUID caller, UUID id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id, caller)).map(rows -> Rows.first(rows, RunRepository::toJson));
  }

  /** The owner's runs the caller sees; an empty page when they see none. */
  public Future<JsonObject> page(UUID caller, UUID owner, RunFilter filter, Page page) {
    Tuple params = Tuple.of(owner);
    int shape = 0;
    if (filter.dates().from() != null) {
      shape |= FROM;
      params.addLocalDate(filter.dates().from());
    }
    if (filter.dates().to() != null) {
      shape |= TO;
      params.addLocalDate(filter.dates().to());
    }
    if (filter.workoutId() != null) {
      shape |= WORKOUT;
      params.addUUID(filter.workoutId());
    }
    if (!caller.equals(owner)) {
      shape |= SHARED;
      params.addUUID(caller);
    }
    return PAGES[shape].fetch(pool, params, page);
  }

  /** Every run of the owner's between two dates (inclusive) the caller sees, in date order. */
  public Future<JsonArray> between(UUID caller, UUID owner, LocalDate from, LocalDate to) {
    return pool.preparedQuery(BETWEEN).execute(Tuple.of(owner, from, to, caller))
        .map(rows -> Rows.array(rows, RunRepository::toJson));
  }

  /** The run as updated; null when it is not the owner's or names a workout that is not. */
  public Future<JsonObject> update(UUID owner, UUID id, RunFields run) {
    return pool.preparedQuery(UPDATE).execute(params(id, owner, run)).map(rows -> Rows.first(rows, RunRepository::toJson));
  }

  public Future<Boolean> delete(UUID owner, UUID id) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(id, owner)).map(rows -> rows.rowCount() > 0);
  }

  /**
   * Deletes the owner's Strava run of the activity and unlinks a hand-recorded run from it:
   * {@code {"removed", "unlinked"}}, the run id of each or null.
   */
  public Future<JsonObject> removeImported(UUID owner, long activityId) {
    return pool.preparedQuery(REMOVE_IMPORTED).execute(Tuple.of(owner, activityId)).map(rows -> {
      Row row = rows.iterator().next();
      return new JsonObject().put("removed", Rows.uuid(row, "removed")).put("unlinked", Rows.uuid(row, "unlinked"));
    });
  }

  /** Deletes all the owner's Strava runs and unlinks their hand-recorded ones: {@code {"removed", "unlinked"}} counts. */
  public Future<JsonObject> purgeImported(UUID owner) {
    return pool.preparedQuery(PURGE_IMPORTED).execute(Tuple.of(owner)).map(rows -> {
      Row row = rows.iterator().next();
      return new JsonObject().put("removed", row.getLong("removed")).put("unlinked", row.getLong("unlinked"));
    });
  }

  private static Tuple params(UUID id, UUID owner, RunFields run) {
    return Tuple.of(id, owner, run.workoutId(), run.actualDate(), run.distanceKm(), run.durationMinutes(),
        run.averagePace(), run.notes());
  }

  static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", Rows.uuid(row, "id"))
        .put("owner_id", Rows.uuid(row, "owner_id"))
        .put("workout_id", Rows.uuid(row, "workout_id"))
        .put("actual_date", Rows.date(row, "actual_date"))
        .put("distance_km", Rows.number(row, "distance_km"))
        .put("duration_minutes", Rows.number(row, "duration_minutes"))
        .put("average_pace", Rows.number(row, "average_pace"))
        .put("notes", row.getString("notes"))
        .put("source", row.getString("source"))
        .put("strava_activity_id", row.getLong("strava_activity_id"))
        .put("workout_locked", row.getBoolean("workout_locked"))
        .put("created_at", Rows.timestamp(row, "created_at"))
        .put("updated_at", Rows.timestamp(row, "updated_at"));
  }
}
