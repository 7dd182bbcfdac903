package com.runningtrainer.strava.sync;

import com.runningtrainer.common.db.Rows;
import com.runningtrainer.common.tracing.Traces;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * All SQL of sync jobs. What a user reads is scoped to them (owner_id); what a worker writes is
 * fenced by the try it holds ({@code attempts}), so that a worker whose lease ran out (its node
 * paused or died) and was taken over cannot move the job any more. Leases are counted in the
 * database's time; waits for Strava's rate limit in the service's clock, which decides them.
 */
public final class SyncJobRepository {

  private static final String VIEW = "id, owner_id, kind, state, before_epoch, after_epoch, next_page, pages, imported, "
      + "skipped, waiting_until, attempts, error, created_at, finished_at";

  private static final String OPEN = "state IN ('queued', 'running', 'waiting')";

  // The first sync of an owner is a backfill, and so is every one until a backfill has finished.
  private static final String INSERT = "INSERT INTO sync_jobs (id, owner_id, traceparent, kind) SELECT $1, $2, $3, "
      + "CASE WHEN EXISTS (SELECT 1 FROM sync_jobs d WHERE d.owner_id = $2 AND d.kind = 'backfill' AND d.state = 'done') "
      + "THEN 'incremental' ELSE 'backfill' END "
      + "ON CONFLICT (owner_id) WHERE " + OPEN + " DO NOTHING RETURNING " + VIEW;

  private static final String FIND_OPEN = "SELECT " + VIEW + " FROM sync_jobs WHERE owner_id = $1 AND " + OPEN;

  private static final String FIND = "SELECT " + VIEW + " FROM sync_jobs WHERE id = $1 AND owner_id = $2";

  // A job due (queued, or waited long enough), or one whose lease ran out: one worker takes it.
  private static final String TAKE = "UPDATE sync_jobs SET state = 'running', attempts = attempts + 1, waiting_until = NULL, "
      + "leased_until = now() + make_interval(secs => $2), updated_at = now() WHERE id = (SELECT id FROM sync_jobs "
      + "WHERE (state IN ('queued', 'waiting') AND (waiting_until IS NULL OR waiting_until <= $1)) "
      + "OR (state = 'running' AND leased_until < now()) "
      + "ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING " + VIEW + ", traceparent";

  private static final String FENCE = " WHERE id = $1 AND attempts = $2 AND state = 'running'";

  private static final String ADVANCE = "UPDATE sync_jobs SET before_epoch = $3, after_epoch = $4, next_page = $5, "
      + "pages = $6, imported = $7, skipped = $8, error = NULL, leased_until = now() + make_interval(secs => $9), "
      + "updated_at = now()" + FENCE;

  private static final String WAIT = "UPDATE sync_jobs SET state = 'waiting', waiting_until = $3, error = $4, "
      + "leased_until = NULL, updated_at = now()" + FENCE;

  private static final String FINISH = "UPDATE sync_jobs SET state = $3, error = $4, leased_until = NULL, "
      + "finished_at = now(), updated_at = now()" + FENCE;

  private static final String END_OPEN = "UPDATE sync_jobs SET state = 'failed', error = $2, leased_until = NULL, "
      + "waiting_until = NULL, finished_at = now(), updated_at = now() WHERE owner_id = $1 AND " + OPEN;

  private final Pool pool;

  public SyncJobRepository(Pool pool) {
    this.pool = pool;
  }

  /** The owner's open job: the one queued now, or the one already open (then {@code "new": false}). */
  public Future<JsonObject> open(UUID owner) {
    return pool.preparedQuery(INSERT).execute(Tuple.of(UUID.randomUUID(), owner, Traces.currentTraceparent())).compose(rows -> {
      JsonObject inserted = Rows.first(rows, SyncJobRepository::toJson);
      if (inserted != null) {
        return Future.succeededFuture(inserted.put("new", true));
      }
      return pool.preparedQuery(FIND_OPEN).execute(Tuple.of(owner)).compose(found -> {
        JsonObject open = Rows.first(found, SyncJobRepository::toJson);
        // Finished between the two statements: a new one may be queued now.
        return open != null ? Future.succeededFuture(open.put("new", false)) : open(owner);
      });
    });
  }

  /**
   * Ends the owner's open job, failed with {@code problem} (the athlete disconnected): its worker,
   * fenced out, saves no further page.
   */
  public Future<Void> endOpen(UUID owner, JsonObject problem) {
    return pool.preparedQuery(END_OPEN).execute(Tuple.of(owner, problem)).mapEmpty();
  }

  /** The owner's job; null when it is not theirs. */
  public Future<JsonObject> find(UUID owner, UUID id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id, owner)).map(rows -> Rows.first(rows, SyncJobRepository::toJson));
  }

  /** A job to work, held for {@code lease}; null when none is due at {@code now}. */
  public Future<SyncJob> take(Instant now, Duration lease) {
    return pool.preparedQuery(TAKE).execute(Tuple.of(utc(now), seconds(lease))).map(rows -> Rows.first(rows, SyncJob::of));
  }

  /** Saves the job's cursor and counters and renews its lease; whether this try still holds it. */
  public Future<Boolean> advance(SyncJob job, Duration lease) {
    return pool.preparedQuery(ADVANCE).execute(Tuple.of(job.id(), job.attempt(), job.beforeEpoch(), job.afterEpoch(),
            job.nextPage(), job.pages()).addInteger(job.imported()).addInteger(job.skipped()).addDouble(seconds(lease)))
        .map(rows -> rows.rowCount() > 0);
  }

  /** Lets the job wait until then (Strava's budget spent, or a neighbour away: {@code problem} says). */
  public Future<Boolean> waitUntil(SyncJob job, Instant until, JsonObject problem) {
    return pool.preparedQuery(WAIT).execute(Tuple.of(job.id(), job.attempt(), utc(until), problem))
        .map(rows -> rows.rowCount() > 0);
  }

  public Future<Boolean> done(SyncJob job) {
    return finish(job, "done", null);
  }

  public Future<Boolean> fail(SyncJob job, JsonObject problem) {
    return finish(job, "failed", problem);
  }

  private Future<Boolean> finish(SyncJob job, String state, JsonObject problem) {
    return pool.preparedQuery(FINISH).execute(Tuple.of(job.id(), job.attempt(), state, problem))
        .map(rows -> rows.rowCount() > 0);
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("sync_id", Rows.uuid(row, "id"))
        .put("kind", row.getString("kind"))
        .put("state", row.getString("state"))
        .put("pages", row.getInteger("pages"))
        .put("imported", row.getInteger("imported"))
        .put("skipped", row.getInteger("skipped"))
        .put("waiting_until", Rows.timestamp(row, "waiting_until"))
        .put("error", row.getJsonObject("error"))
        .put("created_at", Rows.timestamp(row, "created_at"))
        .put("finished_at", Rows.timestamp(row, "finished_at"));
  }
}
