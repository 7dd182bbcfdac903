package com.runningtrainer.trainer;

import com.runningtrainer.common.auth.Revocations;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.service.Served;
import com.runningtrainer.common.service.ServiceVerticle;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/** The trainer service on 8001: plans, workouts, runs and analytics. */
public final class TrainerVerticle extends ServiceVerticle {

  public static final String NAME = "trainer";
  public static final String SERVICE_ADDRESS = "trainer.service";
  public static final int DEFAULT_PORT = 8001;

  public TrainerVerticle(Config config) {
    super(NAME, DEFAULT_PORT, config);
  }

  @Override
  protected Future<Served> build(Pool pool, Revocations revocations) {
    TrainerService service = new TrainerServiceImpl(pool, Clock.systemUTC());
    bindService(SERVICE_ADDRESS, TrainerService.class, service);
    return Future.succeededFuture(Served.usingAuthJwks(new TrainerApi(service).operations()));
  }
}
