package com.runningtrainer.common;

import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

/** Builds Vert.x with Prometheus metrics: they must be set when Vert.x is created. */
public final class VertxFactory {

  private VertxFactory() {
  }

  public static VertxBuilder builder() {
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        .setJvmMetricsEnabled(true)
        .setEnabled(true);
    return Vertx.builder().with(new io.vertx.core.VertxOptions().setMetricsOptions(metrics))
        .withMetrics(new MicrometerMetricsFactory());
  }

  public static Vertx create() {
    return builder().build();
  }
}
