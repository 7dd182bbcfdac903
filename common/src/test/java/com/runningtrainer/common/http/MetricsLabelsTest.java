package com.runningtrainer.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.VertxFactory;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a client sends never makes new series in {@code /metrics}. */
class MetricsLabelsTest {

  private static Vertx vertx;
  private static HttpServer server;
  private static HttpClient client;

  @BeforeAll
  static void start() {
    vertx = VertxFactory.create();
    Router root = Router.router(vertx);
    InfrastructureRoutes.mount(vertx, root, Map.of(), MetricsAccess.of(Optional.empty()));
    root.route("/api/v1/plans").handler(rc -> rc.response().setStatusCode(405).end());
    server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").await();
    client = vertx.createHttpClient();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void inventedMethodNamesAllCountAsOneOtherMethod() throws Exception {
    for (int i = 0; i < 100; i++) {
      send(HttpMethod.valueOf("FOO" + i), "/api/v1/plans");
    }

    String metrics = client.request(options(HttpMethod.GET, "/metrics")).compose(request -> request.send())
        .compose(HttpClientResponse::body).await(10, TimeUnit.SECONDS).toString();

    assertThat(metrics).doesNotContain("FOO");
    assertThat(metrics).contains("method=\"OTHER\"");
  }

  private static void send(HttpMethod method, String path) throws Exception {
    client.request(options(method, path)).compose(request -> request.send()).compose(HttpClientResponse::body)
        .await(30, TimeUnit.SECONDS);
  }

  private static RequestOptions options(HttpMethod method, String path) {
    return new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(server.actualPort()).setURI(path);
  }
}
