package com.runningtrainer.gateway;

import com.runningtrainer.common.auth.HttpJwks;
import com.runningtrainer.common.auth.JwksTokenVerifier;
import com.runningtrainer.common.auth.RevocationFeed;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.service.ServiceDescriptor;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.common.http.ConnectionDrain;
import com.runningtrainer.common.http.HealthCheck;
import com.runningtrainer.common.http.HealthHandler;
import com.runningtrainer.common.http.InvalidRequests;
import com.runningtrainer.common.http.MetricsAccess;
import com.runningtrainer.common.ratelimit.RateLimiter;
import com.runningtrainer.common.redis.RedisClients;
import com.runningtrainer.gateway.edge.Contract;
import com.runningtrainer.gateway.edge.EdgeLimits;
import com.runningtrainer.gateway.edge.EdgeRouter;
import com.runningtrainer.gateway.events.EventSettings;
import com.runningtrainer.gateway.events.EventStreamHandler;
import com.runningtrainer.gateway.events.UserEventHub;
import com.runningtrainer.gateway.upstream.Upstreams;
import com.runningtrainer.gateway.web.WebApp;
import com.runningtrainer.gateway.web.WebAssets;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.util.List;

/**
 * The gateway on 8000: the public edge in front of every service, routing each contract's
 * operations to the service's upstream (event bus or HTTP). It owns no data: Redis holds its
 * rate limits and the revocation list it checks.
 */
public final class GatewayVerticle extends VerticleBase {

  public static final String NAME = "gateway";
  public static final int DEFAULT_PORT = 8000;

  /** How the launcher runs the gateway: no database, nothing in the background. */
  public static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.stateless(NAME, DEFAULT_PORT, GatewayVerticle::new);

  private static final String AUTH_PATH = "/api/v1/auth/";
  private static final String WEBHOOK_PATH = "/api/v1/strava/webhook";
  private static final int SHUTDOWN_GRACE_SECONDS = 10;
  // The gateway's own deadline: past the upstreams' timeout, so that theirs (504 naming the service) speaks first.
  private static final long DEADLINE_MARGIN_MS = 1_000;

  private final Config config;
  private final Settings settings;
  private final GatewaySettings gateway;
  private RedisAPI redis;
  private WebClient jwksClient;
  private HttpClient upstreamClient;
  private HttpServer server;
  private ConnectionDrain drain;
  private UserEventHub events;

  public GatewayVerticle(Config config) {
    this.config = config;
    this.settings = Settings.from(config);
    this.gateway = GatewaySettings.from(config);
  }

  @Override
  public Future<?> start() {
    redis = RedisClients.create(vertx, settings.redisUrl());
    jwksClient = WebClient.create(vertx);
    drain = new ConnectionDrain(settings.shutdownDrainMs());
    // One client for the HTTP upstreams and the operations proxied over HTTP (x-forward: http). Idle
    // connections to a service close before its drain ends: none is closed under a request.
    upstreamClient = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
            .setKeepAliveTimeout(ConnectionDrain.GATEWAY_KEEP_ALIVE_SECONDS),
        new PoolOptions().setHttp1MaxSize(gateway.upstreamPoolSize()).setMaxWaitQueueSize(gateway.upstreamQueueSize()));
    events = new UserEventHub(vertx, EventSettings.from(config));
    return Future.all(RevocationFeed.shared(vertx, settings.redisUrl(), settings.redisPrefix()),
            Contract.load(vertx, NAME), events.start(), WebAssets.load(vertx))
        .compose(ready -> Future.all(gateway.services().stream().map(service -> Contract.load(vertx, service)).toList())
            .map(loaded -> router(loaded.list(), ready.resultAt(1), ready.resultAt(0), new WebApp(ready.resultAt(3)))))
        .compose(router -> drain.serve(vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
            .invalidRequestHandler(InvalidRequests::answer), router)
            .listen(Settings.port(config, NAME, DEFAULT_PORT)))
        .onSuccess(started -> server = started);
  }

  private Router router(List<Contract> contracts, Contract own, RevocationFeed feed, WebApp webApp) {
    var tokens = new JwksTokenVerifier(vertx, new HttpJwks(jwksClient, settings.authJwksUrl()), feed,
        settings.jwtIssuer(), settings.jwtAudience());
    var streams = new EventStreamHandler(vertx, events, tokens, EventSettings.from(config));
    return new EdgeRouter(vertx, contracts, own, streams, Upstreams.create(vertx, gateway, upstreamClient),
            Upstreams.proxies(vertx, gateway, upstreamClient), tokens,
        limits(tokens), health(), gateway.corsOrigins(), settings.trustedProxies(),
        MetricsAccess.of(settings.metricsToken()), gateway.upstreamTimeoutMs() + DEADLINE_MARGIN_MS,
        Duration.ofMillis(gateway.breakerResetMs()).toSeconds(), webApp).create();
  }

  private Handler<RoutingContext> limits(JwksTokenVerifier tokens) {
    if (!gateway.rateLimits().enabled()) {
      return RoutingContext::next;
    }
    var limiter = new RateLimiter(redis, settings.redisPrefix(), Duration.ofMillis(settings.rateLimitTimeoutMs()));
    return new EdgeLimits(limiter, tokens, gateway.rateLimits(), AUTH_PATH, WEBHOOK_PATH);
  }

  private Handler<RoutingContext> health() {
    return new HealthHandler(NAME, List.of(drain.healthCheck(), new HealthCheck("redis", () -> RedisClients.ping(redis))));
  }

  @Override
  public Future<?> stop() {
    // Streams end first: their clients reconnect elsewhere, and the drain does not wait for them.
    Future<Void> streamsEnded = events == null ? Future.succeededFuture() : events.stop();
    Future<Void> drained = streamsEnded.transform(ended -> server == null ? Future.<Void>succeededFuture()
        : drain.stop(vertx, server, SHUTDOWN_GRACE_SECONDS));
    return drained.andThen(closed -> {
      upstreamClient.close();
      jwksClient.close();
      redis.close();
    });
  }
}
