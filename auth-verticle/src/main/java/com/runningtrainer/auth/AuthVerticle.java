package com.runningtrainer.auth;

import com.runningtrainer.auth.password.Passwords;
import com.runningtrainer.auth.token.SigningKeyRepository;
import com.runningtrainer.auth.token.TokenIssuer;
import com.runningtrainer.auth.user.UserRepository;
import com.runningtrainer.common.api.ApiEventBus;
import com.runningtrainer.common.auth.JwksTokenVerifier;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.common.db.Database;
import com.runningtrainer.common.http.ContractServer;
import com.runningtrainer.common.http.HealthCheck;
import com.runningtrainer.common.http.ServiceHttp;
import com.runningtrainer.common.redis.RedisClients;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.redis.client.RedisAPI;
import io.vertx.serviceproxy.ServiceBinder;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Migrates the auth schema, loads the signing keys, binds the service and serves HTTP on 8004. */
public final class AuthVerticle extends VerticleBase {

  public static final String NAME = "auth";
  public static final String SERVICE_ADDRESS = "auth.service";
  private static final int DEFAULT_PORT = 8004;

  private final Config config;
  private Pool pool;
  private RedisAPI redis;
  private Passwords passwords;
  private HttpServer server;

  public AuthVerticle(Config config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    Settings settings = Settings.from(config);
    return Database.migrate(vertx, settings.databaseUrl(), NAME).compose(migrated -> {
      pool = Database.pool(vertx, settings.databaseUrl(), NAME, settings.databasePoolSize());
      redis = RedisClients.create(vertx, settings.redisUrl());
      passwords = new Passwords(vertx, config.integer("ARGON2_CONCURRENCY", Runtime.getRuntime().availableProcessors()));
      return TokenIssuer.load(vertx, new SigningKeyRepository(pool), settings.jwtIssuer(), settings.jwtAudience());
    }).compose(tokens -> {
      AuthService service = new AuthServiceImpl(new UserRepository(pool), passwords, tokens);
      new ServiceBinder(vertx).setAddress(SERVICE_ADDRESS).register(AuthService.class, service);
      var operations = new AuthApi(service).operations();
      // Auth verifies its own tokens with its own keys: no HTTP round trip to itself.
      var verifier = new JwksTokenVerifier(vertx, service::jwks, settings.jwtIssuer(), settings.jwtAudience());
      var http = new ServiceHttp(NAME, Settings.port(config, NAME, DEFAULT_PORT), operations, verifier, List.of(
          new HealthCheck("database", () -> pool.query("SELECT 1").execute()),
          new HealthCheck("redis", () -> RedisClients.ping(redis))), settings.requestTimeoutMs());
      return Future.all(ApiEventBus.bind(vertx, NAME, operations), ContractServer.start(vertx, http))
          .onSuccess(started -> server = started.resultAt(1));
    });
  }

  /** Lets in-flight requests finish, then closes the pools. */
  @Override
  public Future<?> stop() {
    Future<Void> closed = server == null ? Future.succeededFuture() : server.shutdown(10, TimeUnit.SECONDS);
    return closed.eventually(() -> Future.join(
        pool == null ? Future.succeededFuture() : pool.close(),
        passwords == null ? Future.succeededFuture() : passwords.close()))
        .andThen(done -> {
          if (redis != null) {
            redis.close();
          }
        });
  }

  /** The port actually bound, useful when configured as 0. */
  public int port() {
    return server.actualPort();
  }
}
