package com.runningtrainer.common;

import com.runningtrainer.common.api.LoopRoutes;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.Set;

/**
 * Keeps every metric label to a known set of values: a client chooses the HTTP method it sends,
 * and each new one would otherwise add a dozen series to {@code /metrics}, without end. Routes
 * are the routers' own templates, bounded already. A service's same-loop addresses
 * ({@code trainer.api@<loop>}) count as its shared one: one series per service, not per loop.
 */
final class BoundedLabels {

  static final String OTHER = "OTHER";
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE",
      "CONNECT");

  static final MeterFilter FILTER = MeterFilter.replaceTagValues("method", method -> METHODS.contains(method) ? method : OTHER);
  static final MeterFilter ADDRESSES = MeterFilter.replaceTagValues("address", LoopRoutes::shared);

  private BoundedLabels() {
  }
}
