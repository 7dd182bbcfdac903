package com.runningtrainer.common.http;

import static net.logstash.logback.argument.StructuredArguments.kv;

import io.vertx.ext.auth.User;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One JSON line per request, written when the response ends. Never logs headers or bodies. */
public final class AccessLog {

  private static final Logger LOG = LoggerFactory.getLogger("access");

  private AccessLog() {
  }

  public static void record(RoutingContext rc) {
    long start = System.nanoTime();
    rc.addBodyEndHandler(ignored -> LOG.info("{} {} {}",
        kv("method", rc.request().method().name()),
        kv("path", template(rc)),
        kv("status", rc.response().getStatusCode()),
        kv("latency_ms", (System.nanoTime() - start) / 1_000_000.0),
        kv("user", user(rc.user())),
        kv("request_id", RequestIds.of(rc))));
    rc.next();
  }

  private static String template(RoutingContext rc) {
    Route route = rc.currentRoute();
    String path = route == null ? null : route.getPath();
    return path != null && !path.endsWith("*") ? path : rc.normalizedPath();
  }

  private static String user(User user) {
    return user == null ? null : user.principal().getString("sub");
  }
}
