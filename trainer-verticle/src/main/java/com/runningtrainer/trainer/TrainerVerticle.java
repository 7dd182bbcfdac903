package com.runningtrainer.trainer;

import com.runningtrainer.common.auth.HttpJwks;
import com.runningtrainer.common.auth.JwksTokenVerifier;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.service.Served;
import com.runningtrainer.common.service.ServiceVerticle;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import io.vertx.serviceproxy.ServiceBinder;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.List;

/** The trainer service on 8001: plans, workouts, runs and analytics; tokens checked against auth's JWKS. */
public final class TrainerVerticle extends ServiceVerticle {

  public static final String NAME = "trainer";
  public static final String SERVICE_ADDRESS = "trainer.service";
  public static final int DEFAULT_PORT = 8001;

  public TrainerVerticle(Config config) {
    super(NAME, DEFAULT_PORT, config);
  }

  @Override
  protected Future<Served> build(Pool pool) {
    TrainerService service = new TrainerServiceImpl(pool, Clock.systemUTC());
    new ServiceBinder(vertx).setAddress(SERVICE_ADDRESS).register(TrainerService.class, service);
    var tokens = new JwksTokenVerifier(vertx, new HttpJwks(WebClient.create(vertx), settings.authJwksUrl()),
        settings.jwtIssuer(), settings.jwtAudience());
    return Future.succeededFuture(new Served(new TrainerApi(service).operations(), tokens, List.of()));
  }
}
