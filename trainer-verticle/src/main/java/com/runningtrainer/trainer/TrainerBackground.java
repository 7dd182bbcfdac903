package com.runningtrainer.trainer;

import com.runningtrainer.auth.api.AuthEvents;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.service.BackgroundVerticle;
import com.runningtrainer.trainer.share.LostCoaches;
import com.runningtrainer.trainer.share.ShareRepository;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the trainer does once per process: end the shares of coaches auth says lost the role,
 * and, at start, of those who lost it while the trainer was down.
 */
public final class TrainerBackground extends BackgroundVerticle {

  private static final int RECONCILE_ATTEMPTS = 5;
  private static final long RECONCILE_RETRY_MS = 5_000;
  private static final Logger LOG = LoggerFactory.getLogger(TrainerBackground.class);

  private long reconcileTimer = -1;

  public TrainerBackground(Config config) {
    super(TrainerVerticle.NAME, config);
  }

  @Override
  protected Future<?> begin(Pool pool) {
    LostCoaches lostCoaches = new LostCoaches(new ShareRepository(pool), TrainerVerticle.identities(vertx, config));
    consume(AuthEvents.COACH_LOST, lostCoaches::onCoachLost);
    // In the background, and retried a few times, since auth may start after the trainer; never
    // fails the start.
    reconcile(lostCoaches, 1);
    return Future.succeededFuture();
  }

  private void reconcile(LostCoaches lostCoaches, int attempt) {
    lostCoaches.reconcile().onSuccess(lost -> {
      if (lost > 0) {
        LOG.info("active shares of {} users no longer coaches revoked at start", lost);
      }
    }).onFailure(failure -> {
      if (attempt < RECONCILE_ATTEMPTS) {
        reconcileTimer = vertx.setTimer(RECONCILE_RETRY_MS, timer -> reconcile(lostCoaches, attempt + 1));
      } else {
        LOG.warn("shares of users no longer coaches not checked ({} attempts): {}; the next start tries again",
            attempt, failure.toString());
      }
    });
  }

  @Override
  protected Future<?> release() {
    vertx.cancelTimer(reconcileTimer);
    return Future.succeededFuture();
  }
}
