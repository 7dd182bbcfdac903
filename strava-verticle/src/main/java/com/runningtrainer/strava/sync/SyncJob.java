package com.runningtrainer.strava.sync;

import io.vertx.sqlclient.Row;
import java.util.UUID;

/**
 * A sync job as a worker holds it once taken: where it is, and its counters so far.
 *
 * @param attempt the try this is (1 on); only this try may change the job (the lease's fence)
 * @param beforeEpoch a backfill's cursor: the next page starts before this (null: now)
 * @param afterEpoch an incremental sync's start: activities after this (null: not yet decided)
 * @param nextPage an incremental sync's next page (its cursor, {@code after} staying fixed)
 * @param traceparent the trace of the request that queued it; null when it was queued outside one
 */
public record SyncJob(UUID id, UUID ownerId, String kind, int attempt, Long beforeEpoch, Long afterEpoch, int nextPage,
    int pages, int imported, int skipped, String traceparent) {

  private static final String BACKFILL = "backfill";

  static SyncJob of(Row row) {
    return new SyncJob(row.getUUID("id"), row.getUUID("owner_id"), row.getString("kind"), row.getInteger("attempts"),
        row.getLong("before_epoch"), row.getLong("after_epoch"), row.getInteger("next_page"), row.getInteger("pages"),
        row.getInteger("imported"), row.getInteger("skipped"), row.getString("traceparent"));
  }

  public boolean backfill() {
    return BACKFILL.equals(kind);
  }

  /** The job once a page is read: where the next one starts and the counters with it. */
  public SyncJob afterPage(Long before, int page, int importedNow, int skippedNow) {
    return new SyncJob(id, ownerId, kind, attempt, before, afterEpoch, page, pages + 1, imported + importedNow,
        skipped + skippedNow, traceparent);
  }

  public SyncJob startingAfter(long after) {
    return new SyncJob(id, ownerId, kind, attempt, beforeEpoch, after, nextPage, pages, imported, skipped, traceparent);
  }
}
