package com.runningtrainer.pdf.job;

import com.runningtrainer.common.api.Page;
import com.runningtrainer.common.db.PagedQuery;
import com.runningtrainer.common.db.Rows;
import com.runningtrainer.common.tracing.Traces;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * All SQL of PDF jobs. What a user reads or deletes is scoped to them (owner_id); what a worker
 * does is fenced by the try it holds, so that a worker whose lease ran out (its node paused or
 * died) and was taken over cannot finish the job a second time.
 */
public final class PdfJobRepository {

  private static final String COLUMNS = "id, owner_id, plan_id, athlete_id, template, paper, include, email, status, "
      + "attempts, file_name, pages, bytes, sha256, storage_key, error, created_at, ready_at, expires_at, "
      + "expires_at <= now() AS expired, traceparent";

  private static final String INSERT = "INSERT INTO pdf_jobs (id, owner_id, plan_id, athlete_id, template, paper, "
      + "include, email, idempotency_key, expires_at, traceparent) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
      + "now() + make_interval(days => $10), $11) ON CONFLICT (owner_id, idempotency_key) DO NOTHING RETURNING " + COLUMNS;

  private static final String BY_KEY = "SELECT " + COLUMNS + " FROM pdf_jobs WHERE owner_id = $1 AND idempotency_key = $2";

  private static final String FIND = "SELECT " + COLUMNS + " FROM pdf_jobs WHERE id = $1 AND owner_id = $2";

  private static final String OF_PLAN = "SELECT " + COLUMNS + " FROM pdf_jobs WHERE owner_id = $1 AND plan_id = $2 "
      + "ORDER BY created_at DESC, id LIMIT 100";

  private static final PagedQuery PAGE = new PagedQuery(
      "SELECT " + COLUMNS + ", count(*) OVER () AS total FROM pdf_jobs WHERE owner_id = $1 "
          + "ORDER BY created_at DESC, id LIMIT $2 OFFSET $3",
      "SELECT count(*) AS total FROM pdf_jobs WHERE owner_id = $1",
      PdfJobRepository::toJson);

  private static final String DELETE = "DELETE FROM pdf_jobs WHERE id = $1 AND owner_id = $2 RETURNING storage_key";

  // A job due, or one whose lease ran out: taken by one worker of one node, the others skip it.
  private static final String TAKE = "UPDATE pdf_jobs SET status = 'rendering', attempts = attempts + 1, "
      + "rendering_until = now() + make_interval(secs => $1) WHERE id = (SELECT id FROM pdf_jobs "
      + "WHERE (status = 'queued' AND next_attempt_at <= now()) OR (status = 'rendering' AND rendering_until < now()) "
      + "ORDER BY next_attempt_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS;

  private static final String READY = "UPDATE pdf_jobs SET status = 'ready', rendering_until = NULL, error = NULL, "
      + "storage_key = $3, file_name = $4, pages = $5, bytes = $6, sha256 = $7, ready_at = now(), "
      + "expires_at = now() + make_interval(days => $8) WHERE id = $1 AND attempts = $2 AND status = 'rendering'";

  private static final String RETRY = "UPDATE pdf_jobs SET status = 'queued', rendering_until = NULL, error = $3, "
      + "next_attempt_at = now() + make_interval(secs => $4) WHERE id = $1 AND attempts = $2 AND status = 'rendering'";

  private static final String FAIL = "UPDATE pdf_jobs SET status = 'failed', rendering_until = NULL, error = $3 "
      + "WHERE id = $1 AND attempts = $2 AND status = 'rendering'";

  private static final String EXISTS = "SELECT 1 FROM pdf_jobs WHERE id = $1";

  private static final String EXPIRED = "SELECT id, storage_key FROM pdf_jobs WHERE expires_at <= now() "
      + "ORDER BY expires_at LIMIT $1";

  private static final String REMOVE_EXPIRED = "DELETE FROM pdf_jobs WHERE id = $1 AND expires_at <= now()";

  private final Pool pool;

  public PdfJobRepository(Pool pool) {
    this.pool = pool;
  }

  /** What a generate request asks for. */
  public record Request(UUID owner, UUID plan, UUID athlete, String template, String paper, List<String> include,
      boolean email, String idempotencyKey) {
  }

  /**
   * The job queued, with the trace of the request that queued it for its rendering to continue; with an idempotency key the caller used before, the job of that request
   * (null when the caller's first request with it is not to be found, which cannot happen).
   */
  public Future<JsonObject> insert(Request request, int retentionDays) {
    Tuple params = Tuple.of(UUID.randomUUID(), request.owner(), request.plan(), request.athlete(), request.template(),
            request.paper(), request.include().toArray(new String[0]), request.email())
        .addValue(request.idempotencyKey()).addInteger(retentionDays).addString(Traces.currentTraceparent());
    return pool.preparedQuery(INSERT).execute(params).compose(rows -> {
      JsonObject inserted = Rows.first(rows, PdfJobRepository::toJson);
      if (inserted != null || request.idempotencyKey() == null) {
        return Future.succeededFuture(inserted == null ? null : inserted.put("new", true));
      }
      return pool.preparedQuery(BY_KEY).execute(Tuple.of(request.owner(), request.idempotencyKey()))
          .map(found -> Rows.first(found, PdfJobRepository::toJson));
    });
  }

  /** The user's PDF with what a download needs ({@code storage_key}, {@code sha256}, {@code expired}); null when not theirs. */
  public Future<JsonObject> find(UUID owner, UUID id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id, owner)).map(rows -> Rows.first(rows, PdfJobRepository::toJson));
  }

  public Future<JsonArray> ofPlan(UUID owner, UUID plan) {
    return pool.preparedQuery(OF_PLAN).execute(Tuple.of(owner, plan)).map(rows -> Rows.array(rows, PdfJobRepository::toJson));
  }

  public Future<JsonObject> page(UUID owner, Page page) {
    return PAGE.fetch(pool, Tuple.of(owner), page);
  }

  /** Deletes the user's PDF; the storage key of its file (null when it has none), or fails 404 via null row. */
  public Future<Row> delete(UUID owner, UUID id) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(id, owner)).map(rows -> {
      var iterator = rows.iterator();
      return iterator.hasNext() ? iterator.next() : null;
    });
  }

  /** A job to render, taken for {@code lease}; null when there is none. */
  public Future<Job> take(Duration lease) {
    return pool.preparedQuery(TAKE).execute(Tuple.of(lease.toMillis() / 1000.0)).map(rows -> Rows.first(rows, Job::of));
  }

  /** Whether the job is still there (its owner may have deleted it meanwhile). */
  public Future<Boolean> exists(UUID id) {
    return pool.preparedQuery(EXISTS).execute(Tuple.of(id)).map(rows -> rows.size() > 0);
  }

  /** Whether this try still held the job and marked it ready. */
  public Future<Boolean> ready(Job job, String storageKey, String fileName, int pages, long bytes, String sha256,
      int retentionDays) {
    return pool.preparedQuery(READY).execute(Tuple.of(job.id(), job.attempt(), storageKey, fileName, pages, bytes)
        .addString(sha256).addInteger(retentionDays)).map(rows -> rows.rowCount() > 0);
  }

  public Future<Boolean> retry(Job job, JsonObject problem, Duration after) {
    return pool.preparedQuery(RETRY).execute(Tuple.of(job.id(), job.attempt(), problem, after.toMillis() / 1000.0))
        .map(rows -> rows.rowCount() > 0);
  }

  public Future<Boolean> fail(Job job, JsonObject problem) {
    return pool.preparedQuery(FAIL).execute(Tuple.of(job.id(), job.attempt(), problem)).map(rows -> rows.rowCount() > 0);
  }

  /** An expired job: its row and, when it has one, its file are to be removed. */
  public record Expired(UUID id, String storageKey) {
  }

  /** Up to {@code limit} expired jobs, the longest expired first. */
  public Future<List<Expired>> expired(int limit) {
    return pool.preparedQuery(EXPIRED).execute(Tuple.of(limit)).map(rows -> {
      List<Expired> expired = new ArrayList<>();
      rows.forEach(row -> expired.add(new Expired(row.getUUID("id"), row.getString("storage_key"))));
      return expired;
    });
  }

  /** Removes the expired job's row, once its file is gone; idempotent. */
  public Future<Void> removeExpired(UUID id) {
    return pool.preparedQuery(REMOVE_EXPIRED).execute(Tuple.of(id)).mapEmpty();
  }

  static JsonObject toJson(Row row) {
    String[] include = row.getArrayOfStrings("include");
    return new JsonObject()
        .put("pdf_id", Rows.uuid(row, "id"))
        .put("owner_id", Rows.uuid(row, "owner_id"))
        .put("plan_id", Rows.uuid(row, "plan_id"))
        .put("athlete_id", Rows.uuid(row, "athlete_id"))
        .put("status", row.getString("status"))
        .put("template", row.getString("template"))
        .put("paper", row.getString("paper"))
        .put("include", new JsonArray(include == null ? List.of() : List.of(include)))
        .put("email", row.getBoolean("email"))
        .put("attempts", row.getInteger("attempts"))
        .put("file_name", row.getString("file_name"))
        .put("pages", row.getInteger("pages"))
        .put("bytes", row.getLong("bytes"))
        .put("sha256", row.getString("sha256"))
        .put("storage_key", row.getString("storage_key"))
        .put("error", row.getJsonObject("error"))
        .put("created_at", Rows.timestamp(row, "created_at"))
        .put("ready_at", Rows.timestamp(row, "ready_at"))
        .put("expires_at", Rows.timestamp(row, "expires_at"))
        .put("expired", row.getBoolean("expired"));
  }
}
