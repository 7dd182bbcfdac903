package com.runningtrainer.gateway;

import com.runningtrainer.common.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the gateway reads from the environment, by the variable names docs/configuration.md lists.
 *
 * @param services the services whose contracts are routed ({@code GATEWAY_SERVICES})
 * @param upstreams how each service is reached: {@code eventbus}, or its base URLs ({@code <SERVICE>_UPSTREAM})
 */
public record GatewaySettings(
    List<String> services,
    Map<String, String> upstreams,
    int upstreamTimeoutMs,
    int upstreamPoolSize,
    int upstreamQueueSize,
    int breakerMaxFailures,
    int breakerResetMs,
    RateLimits rateLimits,
    List<String> corsOrigins) {

  public static final String EVENT_BUS = "eventbus";

  /**
   * @param enabled {@code RATE_LIMIT_ENABLED}; false lets every request through uncounted
   * @param webhook {@code RATE_LIMIT_WEBHOOK}: Strava's webhook calls per client address in a window
   */
  public record RateLimits(boolean enabled, int perUser, int perIp, int auth, int webhook, Duration window) {
  }

  public static GatewaySettings from(Config config) {
    // No default here: the launcher gives every service of its catalog, so that none is forgotten.
    List<String> services = Config.list(config.find("GATEWAY_SERVICES").orElseThrow(() ->
        new IllegalArgumentException("GATEWAY_SERVICES must name the services whose contracts the gateway routes")));
    return new GatewaySettings(
        services,
        services.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
            service -> config.string(service.toUpperCase() + "_UPSTREAM", EVENT_BUS))),
        config.integer("UPSTREAM_TIMEOUT_MS", 10_000),
        config.integer("UPSTREAM_POOL_SIZE", 64),
        config.integer("UPSTREAM_QUEUE_SIZE", 256),
        config.integer("BREAKER_MAX_FAILURES", 5),
        config.integer("BREAKER_RESET_MS", 10_000),
        new RateLimits(
            config.bool("RATE_LIMIT_ENABLED", true),
            config.integer("RATE_LIMIT_PER_USER", 600),
            config.integer("RATE_LIMIT_PER_IP", 300),
            config.integer("RATE_LIMIT_AUTH", 30),
            config.integer("RATE_LIMIT_WEBHOOK", 3000),
            Duration.ofSeconds(config.integer("RATE_LIMIT_WINDOW_SECONDS", 60))),
        Config.list(config.string("CORS_ORIGINS", "")));
  }

}
