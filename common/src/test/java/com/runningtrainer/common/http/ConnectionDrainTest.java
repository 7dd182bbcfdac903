package com.runningtrainer.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server stopping through its drain keeps serving a client's kept-alive connection until the
 * client is done with it, rather than closing it under a request the client may be writing.
 */
class ConnectionDrainTest {

  private static final long DRAIN_MS = 10_000;

  private Vertx vertx;
  private HttpServer server;
  private HttpClient client;
  private ConnectionDrain drain;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    drain = new ConnectionDrain(DRAIN_MS);
    server = drain.serve(vertx.createHttpServer(), request -> request.response().end("served")).listen(0).await();
    // One connection, kept open between requests as the gateway keeps its connections to a service.
    client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setKeepAliveTimeout(60),
        new PoolOptions().setHttp1MaxSize(1));
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void aRequestOnAnIdleKeptAliveConnectionIsServedWhileTheServerStops() {
    get().await();

    drain.stop(vertx, server, 5);
    HttpClientResponse response = get().await();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Connection")).isEqualTo("close");
  }

  @Test
  void theServerStopsAsSoonAsItsLastConnectionClosesRatherThanAtTheEndOfTheDrain() throws Exception {
    get().await();
    Future<Void> stopped = drain.stop(vertx, server, 5);

    get().await();

    stopped.await(DRAIN_MS / 2, TimeUnit.MILLISECONDS);
    assertThat(stopped.succeeded()).isTrue();
  }

  @Test
  void itsHealthCheckFailsWhileItDrains() {
    get().await();

    drain.stop(vertx, server, 5);

    assertThat(drain.healthCheck().probe().get().failed()).isTrue();
  }

  private Future<HttpClientResponse> get() {
    return client.request(HttpMethod.GET, server.actualPort(), "127.0.0.1", "/")
        .compose(request -> request.send().compose(response -> response.body().map(body -> response)));
  }
}
