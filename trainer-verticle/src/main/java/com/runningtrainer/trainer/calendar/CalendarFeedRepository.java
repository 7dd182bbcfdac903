package com.runningtrainer.trainer.calendar;

import com.runningtrainer.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * All SQL of calendar feeds: an owner's own feeds, each of their plans or of one plan of theirs,
 * and the workouts a feed shows, which are its owner's alone.
 */
public final class CalendarFeedRepository {

  private static final String ALL_PLANS = "'00000000-0000-0000-0000-000000000000'::uuid";

  // A plan's feed only for a plan of the owner's own; making it again replaces the token.
  private static final String UPSERT = "INSERT INTO calendar_feeds (id, owner_id, plan_id, token_hash) "
      + "SELECT $1, $2, $3, $4 WHERE $3::uuid IS NULL "
      + "OR EXISTS (SELECT 1 FROM training_plans WHERE id = $3 AND owner_id = $2) "
      + "ON CONFLICT (owner_id, scope) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now() "
      + "RETURNING id, plan_id, created_at";

  private static final String LIST = "SELECT id, plan_id, created_at FROM calendar_feeds WHERE owner_id = $1 "
      + "ORDER BY plan_id NULLS FIRST, created_at, id";

  private static final String DELETE = "DELETE FROM calendar_feeds WHERE owner_id = $1 "
      + "AND scope = coalesce($2::uuid, " + ALL_PLANS + ")";

  private static final String BY_TOKEN = "SELECT f.owner_id, f.plan_id, p.name AS plan_name FROM calendar_feeds f "
      + "LEFT JOIN training_plans p ON p.id = f.plan_id AND p.owner_id = f.owner_id WHERE f.token_hash = $1";

  // The owner's workouts with the sums of the owner's runs linked to each.
  private static final String WORKOUTS = "SELECT w.id, w.name, w.workout_type, w.description, w.scheduled_date, "
      + "w.distance_km, w.duration_minutes, w.revision, greatest(w.updated_at, max(r.updated_at)) AS last_modified, "
      + "count(r.id) AS runs, coalesce(sum(r.distance_km), 0) AS done_distance_km, "
      + "coalesce(sum(r.duration_minutes), 0) AS done_duration_minutes "
      + "FROM workouts w LEFT JOIN runs r ON r.workout_id = w.id AND r.owner_id = w.owner_id "
      + "WHERE w.owner_id = $1 AND ($2::uuid IS NULL OR w.plan_id = $2) "
      + "GROUP BY w.id ORDER BY w.scheduled_date, w.created_at, w.id";

  private final Pool pool;

  public CalendarFeedRepository(Pool pool) {
    this.pool = pool;
  }

  /** A feed that a calendar app reaches: whose it is, and of which plan (null: every plan). */
  public record Feed(UUID ownerId, UUID planId, String planName) {
  }

  /** One workout as a feed shows it, with what the runs linked to it add up to. */
  public record FeedWorkout(UUID id, String name, String type, String description, LocalDate date,
      BigDecimal distanceKm, BigDecimal durationMinutes, int revision, OffsetDateTime lastModified, int runs,
      BigDecimal doneDistanceKm, BigDecimal doneDurationMinutes) {
  }

  /**
   * Makes the owner's feed of the plan (every plan when null), or gives the one there is this
   * token; null when the plan is not the owner's.
   */
  public Future<JsonObject> save(UUID owner, UUID planId, FeedToken token) {
    return pool.preparedQuery(UPSERT).execute(Tuple.of(UUID.randomUUID(), owner, planId, Buffer.buffer(token.hash())))
        .map(rows -> Rows.first(rows, CalendarFeedRepository::toJson));
  }

  public Future<JsonArray> list(UUID owner) {
    return pool.preparedQuery(LIST).execute(Tuple.of(owner))
        .map(rows -> Rows.array(rows, CalendarFeedRepository::toJson));
  }

  /** Ends the owner's feed of the plan (every plan when null); whether there was one. */
  public Future<Boolean> delete(UUID owner, UUID planId) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(owner, planId)).map(rows -> rows.rowCount() > 0);
  }

  /** The feed of this token; null when none has it (never made, made again, or ended). */
  public Future<Feed> find(FeedToken token) {
    return pool.preparedQuery(BY_TOKEN).execute(Tuple.of(Buffer.buffer(token.hash())))
        .map(rows -> Rows.first(rows, row -> new Feed(row.getUUID("owner_id"), row.getUUID("plan_id"),
            row.getString("plan_name"))));
  }

  /** The workouts of the feed, its owner's only, in date order. */
  public Future<List<FeedWorkout>> workouts(Feed feed) {
    return pool.preparedQuery(WORKOUTS).execute(Tuple.of(feed.ownerId(), feed.planId()))
        .map(rows -> {
          List<FeedWorkout> workouts = new ArrayList<>(rows.size());
          rows.forEach(row -> workouts.add(toWorkout(row)));
          return workouts;
        });
  }

  private static FeedWorkout toWorkout(Row row) {
    return new FeedWorkout(row.getUUID("id"), row.getString("name"), row.getString("workout_type"),
        row.getString("description"), row.getLocalDate("scheduled_date"), row.getBigDecimal("distance_km"),
        row.getBigDecimal("duration_minutes"), row.getInteger("revision"), row.getOffsetDateTime("last_modified"),
        row.getLong("runs").intValue(), row.getBigDecimal("done_distance_km"),
        row.getBigDecimal("done_duration_minutes"));
  }

  private static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", Rows.uuid(row, "id"))
        .put("plan_id", Rows.uuid(row, "plan_id"))
        .put("created_at", Rows.timestamp(row, "created_at"));
  }
}
