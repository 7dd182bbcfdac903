package com.runningtrainer.common;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.util.Set;
import java.util.stream.DoubleStream;

/**
 * Gives the latency timers the dashboards and alerts take percentiles of (see
 * {@code deploy/observability}) a few fixed histogram buckets, so that {@code /metrics} has
 * {@code _bucket} series for {@code histogram_quantile}: without them a timer is a sum and a
 * count only. A dozen buckets from 1 ms to 10 s (the request timeout), rather than Micrometer's
 * percentile histogram of some seventy, keep {@code /metrics} small: each route has one series
 * per bucket.
 */
final class LatencyBuckets {

  /** The timers, by their Prometheus name without the unit. */
  private static final Set<String> TIMERS = Set.of(
      "vertx_http_server_response_time",
      "vertx_http_client_response_time",
      "vertx_sql_processing_time",
      "vertx_redis_processing_time");

  /** The upper bounds of the buckets: 1 ms to 10 s, in nanoseconds as a timer's configuration takes them. */
  private static final double[] BUCKETS_NANOS = DoubleStream.of(1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500,
      5_000, 10_000).map(ms -> ms * 1_000_000).toArray();

  static final MeterFilter FILTER = new MeterFilter() {
    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
      if (id.getType() != Meter.Type.TIMER || !TIMERS.contains(id.getName().replace('.', '_'))) {
        return config;
      }
      return DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS_NANOS).build().merge(config);
    }
  };

  private LatencyBuckets() {
  }
}
