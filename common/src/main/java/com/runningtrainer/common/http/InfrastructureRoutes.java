package com.runningtrainer.common.http;

import com.runningtrainer.common.VertxFactory;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;

/** The routes every service serves beside its contract's operations. */
final class InfrastructureRoutes {

  private InfrastructureRoutes() {
  }

  static void mount(Vertx vertx, Router root, Buffer contractText) {
    String registry = VertxFactory.metricsRegistry(vertx);
    root.get("/metrics").handler(registry == null ? PrometheusScrapingHandler.create() : PrometheusScrapingHandler.create(registry));
    root.get("/openapi.yaml").handler(rc -> rc.response()
        .putHeader("Content-Type", "application/yaml")
        .end(contractText));
    // "/docs" matches "/docs/" as well; the page names its assets by absolute paths.
    root.get("/docs").handler(rc -> rc.response().putHeader("Content-Type", "text/html; charset=utf-8")
        .sendFile("swagger/index.html"));
    root.get("/docs/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
  }
}
