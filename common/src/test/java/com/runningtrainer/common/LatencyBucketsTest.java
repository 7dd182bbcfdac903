package com.runningtrainer.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.http.InfrastructureRoutes;
import com.runningtrainer.common.http.MetricsAccess;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The request latency is a histogram in {@code /metrics}, of a dozen buckets, for the dashboards' percentiles. */
class LatencyBucketsTest {

  private static Vertx vertx;
  private static HttpServer server;
  private static HttpClient client;

  @BeforeAll
  static void start() {
    vertx = VertxFactory.create();
    Router root = Router.router(vertx);
    InfrastructureRoutes.mount(vertx, root, Map.of(), MetricsAccess.of(Optional.empty()));
    root.get("/api/v1/plans/:id").handler(rc -> rc.response().end("{}"));
    server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").await();
    client = vertx.createHttpClient();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void eachRouteHasItsLatencyInThirteenBucketsFromAMillisecondToTenSeconds() throws Exception {
    get("/api/v1/plans/42");

    List<String> buckets = get("/metrics").lines()
        .filter(line -> line.startsWith("vertx_http_server_response_time_seconds_bucket{")
            && line.contains("route=\"/api/v1/plans/:id\""))
        .map(line -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
        .toList();

    assertThat(buckets).containsExactly("0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5",
        "1.0", "2.5", "5.0", "10.0", "+Inf");
  }

  private static String get(String path) throws Exception {
    return client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
            .setPort(server.actualPort()).setURI(path))
        .compose(request -> request.send().compose(HttpClientResponse::body))
        .await(10, TimeUnit.SECONDS).toString();
  }
}
