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
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
      send("FOO" + i, "/api/v1/plans");
    }

    String metrics = client.request(options(HttpMethod.GET, "/metrics"))
        .compose(request -> request.send().compose(HttpClientResponse::body)).await(10, TimeUnit.SECONDS).toString();

    assertThat(metrics).doesNotContain("FOO");
    assertThat(metrics).contains("method=\"OTHER\"");
  }

  /**
   * Sends the request as raw HTTP/1.1 on a connection of its own: only the server meets the
   * invented method, as it would from a stranger's client.
   */
  private static void send(String method, String path) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines()
          .findFirst().orElse("");
      assertThat(status).startsWith("HTTP/1.1 405");
    }
  }

  private static RequestOptions options(HttpMethod method, String path) {
    return new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(server.actualPort()).setURI(path);
  }
}
