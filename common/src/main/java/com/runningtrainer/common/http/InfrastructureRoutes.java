package com.runningtrainer.common.http;

import com.runningtrainer.common.VertxFactory;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.Map;

/**
 * The routes every service (and the gateway) serves beside the contracts' operations:
 * {@code /metrics}, each contract at {@code /openapi/<service>.yaml} (a service's own also at
 * {@code /openapi.yaml}) and {@code /docs}, a Swagger UI over all of them.
 */
public final class InfrastructureRoutes {

  private static final String YAML = "application/yaml";

  private InfrastructureRoutes() {
  }

  /**
   * @param contracts the text of each contract served here, by service name
   * @param metricsAccess who may read {@code /metrics}
   */
  public static void mount(Vertx vertx, Router root, Map<String, Buffer> contracts, MetricsAccess metricsAccess) {
    String registry = VertxFactory.metricsRegistry(vertx);
    root.get("/metrics").handler(metricsAccess)
        .handler(registry == null ? PrometheusScrapingHandler.create() : PrometheusScrapingHandler.create(registry));
    JsonArray listed = new JsonArray();
    contracts.forEach((service, text) -> {
      String path = "/openapi/" + service + ".yaml";
      root.get(path).handler(rc -> rc.response().putHeader("Content-Type", YAML).end(text));
      listed.add(new JsonObject().put("name", service).put("url", path));
    });
    if (contracts.size() == 1) {
      Buffer only = contracts.values().iterator().next();
      root.get("/openapi.yaml").handler(rc -> rc.response().putHeader("Content-Type", YAML).end(only));
    }
    String script = "window.CONTRACTS = " + listed.encode() + ";";
    root.get("/docs/contracts.js").handler(rc -> rc.response().putHeader("Content-Type", "text/javascript").end(script));
    // "/docs" matches "/docs/" as well; the page names its assets by absolute paths.
    root.get("/docs").handler(rc -> rc.response().putHeader("Content-Type", "text/html; charset=utf-8")
        .sendFile("swagger/index.html"));
    root.get("/docs/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
  }
}
