package com.runningtrainer.trainer;

import com.runningtrainer.auth.AuthVerticle;
import com.runningtrainer.common.auth.Revocations;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.service.Served;
import com.runningtrainer.common.service.ServiceVerticle;
import com.runningtrainer.trainer.share.Identities;
import com.runningtrainer.trainer.share.LostCoaches;
import com.runningtrainer.trainer.share.ShareRepository;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The trainer service on 8001: plans, workouts, runs, analytics, and their sharing with coaches. */
public final class TrainerVerticle extends ServiceVerticle {

  public static final String NAME = "trainer";
  public static final String SERVICE_ADDRESS = "trainer.service";
  public static final int DEFAULT_PORT = 8001;
  private static final int DEFAULT_AUTH_CALL_TIMEOUT_MS = 2_000;
  private static final int RECONCILE_ATTEMPTS = 5;
  private static final long RECONCILE_RETRY_MS = 5_000;
  private static final Logger LOG = LoggerFactory.getLogger(TrainerVerticle.class);

  private long reconcileTimer = -1;

  public TrainerVerticle(Config config) {
    super(NAME, DEFAULT_PORT, config);
  }

  @Override
  protected Future<Served> build(Pool pool, Revocations revocations) {
    Identities identities = new Identities(vertx, config.integer("AUTH_CALL_TIMEOUT_MS", DEFAULT_AUTH_CALL_TIMEOUT_MS));
    TrainerService service = new TrainerServiceImpl(pool, identities, Clock.systemUTC());
    bindService(SERVICE_ADDRESS, TrainerService.class, service);
    LostCoaches lostCoaches = new LostCoaches(new ShareRepository(pool), identities);
    consume(AuthVerticle.COACH_LOST_ADDRESS, lostCoaches::onCoachLost);
    // Catches up on coaches who lost the role while the trainer was down. In the background, and
    // retried a few times, since auth may start after the trainer; never fails the start.
    reconcile(lostCoaches, 1);
    return Future.succeededFuture(Served.usingAuthJwks(new TrainerApi(service).operations()));
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
