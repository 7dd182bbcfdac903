package com.runningtrainer.trainer;

import com.runningtrainer.common.api.ApiEventBus;
import com.runningtrainer.common.auth.HttpJwks;
import com.runningtrainer.common.auth.JwksTokenVerifier;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.common.db.Database;
import com.runningtrainer.common.http.ContractServer;
import com.runningtrainer.common.http.HealthCheck;
import com.runningtrainer.common.http.ServiceHttp;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.serviceproxy.ServiceBinder;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.List;

/** Migrates the trainer schema, binds the service on the event bus and serves HTTP on 8001. */
public final class TrainerVerticle extends VerticleBase {

  public static final String NAME = "trainer";
  public static final String SERVICE_ADDRESS = "trainer.service";
  private static final int DEFAULT_PORT = 8001;

  private final Config config;
  private Pool pool;
  private HttpServer server;

  public TrainerVerticle(Config config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    Settings settings = Settings.from(config);
    return Database.migrate(vertx, settings.databaseUrl(), NAME).compose(migrated -> {
      pool = Database.pool(vertx, settings.databaseUrl(), NAME, settings.databasePoolSize());
      TrainerService service = new TrainerServiceImpl(pool, Clock.systemUTC());
      new ServiceBinder(vertx).setAddress(SERVICE_ADDRESS).register(TrainerService.class, service);
      var operations = new TrainerApi(service).operations();
      var tokens = new JwksTokenVerifier(vertx, new HttpJwks(WebClient.create(vertx), settings.authJwksUrl()),
          settings.jwtIssuer(), settings.jwtAudience());
      var http = new ServiceHttp(NAME, Settings.port(config, NAME, DEFAULT_PORT), operations, tokens,
          List.of(new HealthCheck("database", () -> pool.query("SELECT 1").execute())), settings.requestTimeoutMs());
      return Future.all(ApiEventBus.bind(vertx, NAME, operations), ContractServer.start(vertx, http))
          .onSuccess(started -> server = started.resultAt(1));
    });
  }

  /** Lets in-flight requests finish, then closes the pool. */
  @Override
  public Future<?> stop() {
    Future<Void> closed = server == null ? Future.succeededFuture() : server.shutdown(10, TimeUnit.SECONDS);
    return closed.eventually(() -> pool == null ? Future.succeededFuture() : pool.close());
  }

  /** The port actually bound, useful when configured as 0. */
  public int port() {
    return server.actualPort();
  }
}
