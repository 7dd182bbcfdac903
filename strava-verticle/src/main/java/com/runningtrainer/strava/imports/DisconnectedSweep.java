package com.runningtrainer.strava.imports;

import io.vertx.core.Future;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strava's terms: a disconnected athlete's imported data is deleted within the hour. Disconnecting
 * purges at once; this sweep catches what a sync's page in flight imported meanwhile, or a purge
 * that failed half way: every owner with activities and no connection is purged, a few at a
 * time. One sweep at a time per process; purges are idempotent, so nodes may overlap.
 */
public final class DisconnectedSweep {

  private static final Logger LOG = LoggerFactory.getLogger(DisconnectedSweep.class);
  private static final int OWNERS_PER_SWEEP = 20;

  private final ActivityRepository activities;
  private final ActivityImporter importer;
  private boolean sweeping;

  public DisconnectedSweep(ActivityRepository activities, ActivityImporter importer) {
    this.activities = activities;
    this.importer = importer;
  }

  /** Purges up to 20 disconnected owners, one after the other; the next sweep takes the rest. */
  public void sweep() {
    if (sweeping) {
      return;
    }
    sweeping = true;
    activities.disconnectedOwners(OWNERS_PER_SWEEP)
        .compose(owners -> purge(owners, 0))
        .onComplete(done -> {
          sweeping = false;
          if (done.failed()) {
            LOG.warn("the sweep of disconnected athletes' activities stopped: {}", done.cause().toString());
          }
        });
  }

  private Future<Void> purge(List<UUID> owners, int index) {
    if (index >= owners.size()) {
      return Future.succeededFuture();
    }
    return importer.purge(owners.get(index)).compose(done -> purge(owners, index + 1));
  }
}
