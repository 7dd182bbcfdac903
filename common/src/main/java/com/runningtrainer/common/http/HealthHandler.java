package com.runningtrainer.common.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code /health}: 200 when every check passes, else 503 naming the failing ones. */
public final class HealthHandler implements Handler<RoutingContext> {

  private static final long CHECK_TIMEOUT_MS = 2_000;

  private final String service;
  private final List<HealthCheck> checks;

  public HealthHandler(String service, List<HealthCheck> checks) {
    this.service = service;
    this.checks = List.copyOf(checks);
  }

  @Override
  public void handle(RoutingContext rc) {
    List<Future<?>> results = checks.stream()
        .<Future<?>>map(check -> check.probe().get().timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS))
        .toList();
    Future.join(results).onComplete(ignored -> {
      JsonObject states = new JsonObject();
      boolean up = true;
      for (int i = 0; i < checks.size(); i++) {
        boolean ok = results.get(i).succeeded();
        up &= ok;
        states.put(checks.get(i).name(), ok ? "UP" : "DOWN");
      }
      JsonObject body = new JsonObject().put("service", service).put("status", up ? "UP" : "DOWN").put("checks", states);
      rc.response().setStatusCode(up ? 200 : 503)
          .putHeader("Content-Type", "application/json")
          .putHeader("Cache-Control", "no-store")
          .end(body.encode());
    });
  }
}
