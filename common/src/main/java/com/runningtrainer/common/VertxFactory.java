package com.runningtrainer.common;

import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.common.tracing.Tracing;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryOptions;
import java.util.UUID;

/**
 * Builds Vert.x with Prometheus metrics and OpenTelemetry tracing, which must both be set when
 * Vert.x is created. Each instance gets a registry of its own: the shared default one is closed
 * by the first instance to close, which would break {@code /metrics} of any other in the same
 * JVM (tests, clusters). Each is given its {@link Tracing} rather than the global OpenTelemetry,
 * for the same reason.
 */
public final class VertxFactory {

  private static final String SETTINGS = "running-trainer";
  private static final String REGISTRY = "metrics-registry";

  private VertxFactory() {
  }

  /** A Vert.x whose event bus stays inside this JVM, with trace ids but no spans recorded ({@link Tracing#idsOnly()}). */
  public static Vertx create() {
    return create(Tracing.idsOnly());
  }

  /** A Vert.x whose event bus stays inside this JVM, tracing with {@code tracing}. */
  public static Vertx create(Tracing tracing) {
    String registry = newRegistryName();
    return remember(builder(options(), registry, tracing).build(), registry);
  }

  /**
   * A Vert.x whose event bus spans the cluster that {@code clusterManager} joins; completes once
   * it has joined.
   *
   * @param eventBus where this node's event bus listens and how other nodes reach it
   * @param tracing what it traces with
   */
  public static Future<Vertx> createClustered(ClusterManager clusterManager, EventBusOptions eventBus,
      Tracing tracing) {
    String registry = newRegistryName();
    return builder(options().setEventBusOptions(eventBus), registry, tracing)
        .withClusterManager(clusterManager)
        .buildClustered()
        .map(vertx -> remember(vertx, registry));
  }

  /** The name of the metrics registry of a Vert.x made here; null for any other. */
  public static String metricsRegistry(Vertx vertx) {
    return (String) vertx.sharedData().getLocalMap(SETTINGS).get(REGISTRY);
  }

  private static VertxOptions options() {
    return new VertxOptions().setEventLoopPoolSize(Settings.eventLoops(Config.fromEnv()));
  }

  private static String newRegistryName() {
    return "vertx-" + UUID.randomUUID();
  }

  private static VertxBuilder builder(VertxOptions options, String registry, Tracing tracing) {
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        .setJvmMetricsEnabled(true)
        // Which service address each message went to (trainer.api, auth.directory, ...): in a
        // cluster, how the event bus spreads them over the nodes. Reply addresses are left out.
        // And the route of each HTTP request: its path template, never its ids.
        .addLabels(Label.EB_ADDRESS, Label.HTTP_ROUTE)
        .setRegistryName(registry)
        .setEnabled(true);
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    prometheus.config().meterFilter(BoundedLabels.FILTER).meterFilter(BoundedLabels.ADDRESSES)
        .meterFilter(LatencyBuckets.FILTER);
    // Servers trace every request (their default policy, ALWAYS); the event bus, HTTP clients,
    // PostgreSQL and Redis continue the trace of the request they work for (PROPAGATE).
    return Vertx.builder()
        .with(options.setMetricsOptions(metrics).setTracingOptions(new OpenTelemetryOptions()))
        .withMetrics(new MicrometerMetricsFactory(prometheus))
        .withTracer(tracing.vertxTracerFactory());
  }

  private static Vertx remember(Vertx vertx, String registry) {
    vertx.sharedData().getLocalMap(SETTINGS).put(REGISTRY, registry);
    return vertx;
  }
}
