package com.runningtrainer.common.service;

import com.runningtrainer.common.api.ApiEventBus;
import com.runningtrainer.common.auth.HttpJwks;
import com.runningtrainer.common.auth.JwksTokenVerifier;
import com.runningtrainer.common.auth.RevocationFeed;
import com.runningtrainer.common.auth.Revocations;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.common.db.Database;
import com.runningtrainer.common.http.ConnectionDrain;
import com.runningtrainer.common.http.ContractServer;
import com.runningtrainer.common.http.HealthCheck;
import com.runningtrainer.common.http.ServiceHttp;
import com.runningtrainer.common.redis.RedisClients;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.redis.client.RedisAPI;
import io.vertx.serviceproxy.ServiceBinder;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shape every service's API verticle has, deployed once per event loop by
 * {@link ServiceDeployer} on the schema it has migrated: open the pool and the Redis client,
 * build the service ({@link #build}), then serve the contract's operations over HTTP and on the
 * event bus address {@code <name>.api}, with bearer tokens verified against auth's keys and the
 * revocation list. Stopping takes the service off its addresses, drains its HTTP connections
 * ({@link ConnectionDrain}) and lets in-flight requests, HTTP and event bus, finish, then closes
 * the clients. What must happen once per process lives
 * in the service's {@link BackgroundVerticle}.
 */
public abstract class ServiceVerticle extends VerticleBase {

  private static final int SHUTDOWN_GRACE_SECONDS = 10;

  protected final Config config;
  protected final Settings settings;
  private final String name;
  private final int defaultPort;
  private Pool pool;
  private RedisAPI redis;
  private Revocations revocations;
  private HttpServer server;
  private ConnectionDrain drain;
  private ApiEventBus.Binding bus;
  private final List<MessageConsumer<JsonObject>> proxies = new ArrayList<>();

  protected ServiceVerticle(String name, int defaultPort, Config config) {
    this.name = name;
    this.defaultPort = defaultPort;
    this.config = config;
    this.settings = Settings.from(config);
  }

  /**
   * Builds the service on its migrated database: binds its business API on the event bus and
   * says what to serve.
   */
  protected abstract Future<Served> build(Pool pool, Revocations revocations);

  /**
   * Binds the business API on the event bus at {@code address}, for service proxies of other
   * services; taken off the bus first when the verticle stops, like {@code <name>.api}.
   */
  protected <T> void bindService(String address, Class<T> type, T service) {
    proxies.add(new ServiceBinder(vertx).setAddress(address).register(type, service));
  }

  /** Releases what {@link #build} opened beside the pool and Redis. */
  protected Future<?> release() {
    return Future.succeededFuture();
  }

  /** The service's Redis client, open from {@link #build} on. */
  protected RedisAPI redis() {
    return redis;
  }

  @Override
  public final Future<?> start() {
    pool = Database.pool(vertx, settings.databaseUrl(), name, Settings.connectionsPerVerticle(config, name));
    redis = RedisClients.create(vertx, settings.redisUrl());
    revocations = new Revocations(vertx, redis, settings.redisPrefix());
    drain = new ConnectionDrain(settings.shutdownDrainMs());
    Future<RevocationFeed> feed = RevocationFeed.shared(vertx, settings.redisUrl(), settings.redisPrefix());
    return Future.all(feed, build(pool, revocations)).compose(built -> {
      Served served = built.resultAt(1);
      List<HealthCheck> checks = new ArrayList<>();
      checks.add(drain.healthCheck());
      checks.add(new HealthCheck("database", () -> pool.query("SELECT 1").execute()));
      checks.add(new HealthCheck("redis", () -> RedisClients.ping(redis)));
      checks.addAll(served.healthChecks());
      var jwks = served.jwks() != null ? served.jwks() : new HttpJwks(WebClient.create(vertx), settings.authJwksUrl());
      var tokens = new JwksTokenVerifier(vertx, jwks, feed.result(), settings.jwtIssuer(), settings.jwtAudience());
      ServiceHttp http = new ServiceHttp(name, Settings.port(config, name, defaultPort), served.operations(), tokens,
          checks, settings.requestTimeoutMs(), settings.trustedProxies(), settings.metricsToken());
      return Future.all(ApiEventBus.bind(vertx, name, served.operations()), ContractServer.start(vertx, http, drain));
    }).compose(started -> {
      bus = started.resultAt(0);
      server = started.resultAt(1);
      return answerHttpAddress();
    });
  }

  /** Where {@link #answerHttpAddress} answers: {@code <name>.http-address}. */
  public static String httpAddressOf(String service) {
    return service + ".http-address";
  }

  /**
   * Answers {@code <name>.http-address} with {@code {"base_url": "http://host:port"}}, the
   * port this verticle actually listens on: the gateway, forwarding over the event bus, proxies
   * the operations marked {@code x-forward: http} (streamed bodies) there, even with a random
   * port or on another node of a cluster. The host is {@code HTTP_PUBLIC_HOST}, else
   * {@code CLUSTER_PUBLIC_HOST} (the node's name in the network), else loopback.
   */
  private Future<Void> answerHttpAddress() {
    String host = config.find("HTTP_PUBLIC_HOST").or(() -> config.find("CLUSTER_PUBLIC_HOST")).orElse("127.0.0.1");
    JsonObject address = new JsonObject().put("base_url", "http://" + host + ":" + server.actualPort());
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(httpAddressOf(name), message -> message.reply(address));
    proxies.add(consumer);
    return consumer.completion();
  }

  @Override
  public final Future<?> stop() {
    // Off the event bus first, so that the other nodes of a cluster stop sending here before
    // the pool closes; both drains share the grace period.
    List<Future<Void>> offProxies = proxies.stream().map(MessageConsumer::unregister).toList();
    Future<Void> offApi = bus == null ? Future.succeededFuture() : bus.unbind();
    Future<?> offBus = Future.join(offApi, Future.join(offProxies)).timeout(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
    Future<Void> offHttp = server == null ? Future.succeededFuture() : drain.stop(vertx, server, SHUTDOWN_GRACE_SECONDS);
    Future<?> drained = Future.join(offBus, offHttp);
    return drained.eventually(() -> Future.join(pool == null ? Future.succeededFuture() : pool.close(), release()))
        .andThen(closed -> {
          if (redis != null) {
            redis.close();
          }
        });
  }
}
