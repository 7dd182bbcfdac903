package com.runningtrainer.trainer;

import com.runningtrainer.common.auth.Revocations;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.service.Served;
import com.runningtrainer.common.service.ServiceVerticle;
import com.runningtrainer.trainer.share.Identities;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/** The trainer service on 8001: plans, workouts, runs, analytics, and their sharing with coaches. */
public final class TrainerVerticle extends ServiceVerticle {

  public static final String NAME = "trainer";
  public static final String SERVICE_ADDRESS = "trainer.service";
  public static final int DEFAULT_PORT = 8001;
  private static final int DEFAULT_AUTH_CALL_TIMEOUT_MS = 2_000;

  public TrainerVerticle(Config config) {
    super(NAME, DEFAULT_PORT, config);
  }

  @Override
  protected Future<Served> build(Pool pool, Revocations revocations) {
    Identities identities = new Identities(vertx, config.integer("AUTH_CALL_TIMEOUT_MS", DEFAULT_AUTH_CALL_TIMEOUT_MS));
    TrainerService service = new TrainerServiceImpl(pool, identities, Clock.systemUTC());
    bindService(SERVICE_ADDRESS, TrainerService.class, service);
    return Future.succeededFuture(Served.usingAuthJwks(new TrainerApi(service).operations()));
  }
}
