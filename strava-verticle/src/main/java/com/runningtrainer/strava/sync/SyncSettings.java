package com.runningtrainer.strava.sync;

import com.runningtrainer.common.config.Config;
import java.time.Duration;

/**
 * How syncs run, from the environment (docs/configuration.md lists the variables).
 *
 * @param poll {@code STRAVA_SYNC_POLL_MS}: how often a worker looks for due jobs (a queued job
 *     wakes it at once; waiting ones are found this way)
 * @param lease {@code STRAVA_SYNC_LEASE_SECONDS}: how long a worker holds a job without saving a
 *     page; a job held longer by a worker that died is taken again
 * @param retry {@code STRAVA_SYNC_RETRY_SECONDS}: the wait before a job tries again after the
 *     trainer or Strava was away
 * @param backfillShare {@code STRAVA_BACKFILL_SHARE}: the share of Strava's rate limits a
 *     backfill may use, leaving the rest to interactive calls
 * @param callTimeoutMs {@code STRAVA_TRAINER_TIMEOUT_MS}: the longest one call to the trainer may take
 * @param sweep {@code STRAVA_PURGE_SWEEP_SECONDS}: how often what is left of disconnected athletes'
 *     activities is purged
 */
public record SyncSettings(Duration poll, Duration lease, Duration retry, double backfillShare, long callTimeoutMs,
    Duration sweep) {

  /** Strava's largest page of activities. */
  public static final int PER_PAGE = 200;

  public static SyncSettings from(Config config) {
    double share = Double.parseDouble(config.string("STRAVA_BACKFILL_SHARE", "0.75"));
    return new SyncSettings(
        Duration.ofMillis(Math.max(50, config.integer("STRAVA_SYNC_POLL_MS", 5_000))),
        Duration.ofSeconds(Math.max(1, config.integer("STRAVA_SYNC_LEASE_SECONDS", 120))),
        Duration.ofSeconds(Math.max(1, config.integer("STRAVA_SYNC_RETRY_SECONDS", 60))),
        share > 0 && share <= 1 ? share : 0.75,
        Math.max(100, config.integer("STRAVA_TRAINER_TIMEOUT_MS", 5_000)),
        Duration.ofSeconds(Math.max(1, config.integer("STRAVA_PURGE_SWEEP_SECONDS", 300))));
  }
}
