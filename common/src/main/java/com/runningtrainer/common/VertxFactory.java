package com.runningtrainer.common;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.util.UUID;

/**
 * Builds Vert.x with Prometheus metrics, which must be set when Vert.x is created. Each
 * instance gets a registry of its own: the shared default one is closed by the first instance
 * to close, which would break {@code /metrics} of any other in the same JVM (tests, clusters).
 */
public final class VertxFactory {

  private static final String SETTINGS = "running-trainer";
  private static final String REGISTRY = "metrics-registry";

  private VertxFactory() {
  }

  public static Vertx create() {
    String registry = "vertx-" + UUID.randomUUID();
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        .setJvmMetricsEnabled(true)
        .setRegistryName(registry)
        .setEnabled(true);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(metrics))
        .withMetrics(new MicrometerMetricsFactory())
        .build();
    vertx.sharedData().getLocalMap(SETTINGS).put(REGISTRY, registry);
    return vertx;
  }

  /** The name of the metrics registry of a Vert.x made here; null for any other. */
  public static String metricsRegistry(Vertx vertx) {
    return (String) vertx.sharedData().getLocalMap(SETTINGS).get(REGISTRY);
  }
}
