package com.runningtrainer.common.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;

/** The routes every service serves beside its contract's operations. */
final class InfrastructureRoutes {

  private InfrastructureRoutes() {
  }

  static void mount(Router root, Buffer contractText) {
    root.get("/metrics").handler(PrometheusScrapingHandler.create());
    root.get("/openapi.yaml").handler(rc -> rc.response()
        .putHeader("Content-Type", "application/yaml")
        .end(contractText));
    root.get("/docs").handler(rc -> rc.redirect("/docs/"));
    root.get("/docs/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
    root.get("/docs/*").handler(StaticHandler.create("swagger"));
  }
}
