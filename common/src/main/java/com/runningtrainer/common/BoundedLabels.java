package com.runningtrainer.common;

import io.micrometer.core.instrument.config.MeterFilter;
import java.util.Set;

/**
 * Keeps every metric label to a known set of values: a client chooses the HTTP method it sends,
 * and each new one would otherwise add a dozen series to {@code /metrics}, without end. Routes
 * are the routers' own templates, bounded already.
 */
final class BoundedLabels {

  static final String OTHER = "OTHER";
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE",
      "CONNECT");

  static final MeterFilter FILTER = MeterFilter.replaceTagValues("method", method -> METHODS.contains(method) ? method : OTHER);

  private BoundedLabels() {
  }
}
