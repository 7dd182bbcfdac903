package com.runningtrainer.common.config;

import java.util.Optional;
import java.util.Set;

/**
 * The settings every service reads, by their environment variable names. One place for the
 * names and defaults that docs/configuration.md lists.
 */
public record Settings(
    String appName,
    String databaseUrl,
    int databasePoolSize,
    String redisUrl,
    String redisPrefix,
    int rateLimitTimeoutMs,
    String jwtIssuer,
    String jwtAudience,
    String authJwksUrl,
    int requestTimeoutMs,
    Set<String> trustedProxies,
    Optional<String> metricsToken,
    int shutdownDrainMs,
    boolean debug) {

  public static final String DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/running_trainer";
  public static final String DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0";

  public static Settings from(Config config) {
    return new Settings(
        config.string("APP_NAME", "running-trainer"),
        config.string("DATABASE_URL", DEFAULT_DATABASE_URL),
        config.integer("DATABASE_POOL_SIZE", 16),
        config.string("REDIS_URL", DEFAULT_REDIS_URL),
        config.string("REDIS_PREFIX", "rt:"),
        config.integer("RATE_LIMIT_TIMEOUT_MS", 1_000),
        config.string("JWT_ISSUER", "http://localhost:8004"),
        config.string("JWT_AUDIENCE", "running-trainer"),
        // Beside auth by default, wherever AUTH_PORT puts it.
        config.string("AUTH_JWKS_URL", "http://127.0.0.1:" + port(config, "auth", 8004) + "/api/v1/auth/jwks.json"),
        config.integer("REQUEST_TIMEOUT_MS", 10_000),
        Set.copyOf(Config.list(config.string("TRUSTED_PROXIES", ""))),
        config.find("METRICS_TOKEN"),
        // Longer than the gateway's keep-alive (ConnectionDrain.GATEWAY_KEEP_ALIVE_SECONDS).
        config.integer("SHUTDOWN_DRAIN_MS", 2_000),
        config.bool("DEBUG", false));
  }

  /**
   * How many event loops a process runs ({@code EVENT_LOOPS}): by default one per core rather than
   * Vert.x's two, so that each loop holds one instance of each service, as {@link #instances}
   * deploys them, and fewer threads take turns on the cores (bench/README.md, "One event loop
   * per core").
   */
  public static int eventLoops(Config config) {
    return Math.max(1, config.integer("EVENT_LOOPS", Runtime.getRuntime().availableProcessors()));
  }

  /**
   * How many instances of a service's verticle to deploy ({@code <SERVICE>_INSTANCES}): by
   * default one per core, so that its requests spread over every event loop.
   */
  public static int instances(Config config, String service) {
    return Math.max(1, config.integer(service.toUpperCase() + "_INSTANCES", Runtime.getRuntime().availableProcessors()));
  }

  /**
   * The connections each verticle of a service opens: its {@code DATABASE_POOL_SIZE} split
   * between the API verticles (one per event loop, {@link #instances}) and the background
   * verticle, each a pool of its own; at least two.
   */
  public static int connectionsPerVerticle(Config config, String service) {
    return Math.max(2, from(config).databasePoolSize() / (instances(config, service) + 1));
  }

  /** The HTTP port of a service: {@code <SERVICE>_PORT}, else its port in the architecture. */
  public static int port(Config config, String service, int defaultPort) {
    return config.integer(service.toUpperCase() + "_PORT", defaultPort);
  }
}
