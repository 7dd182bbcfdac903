package com.runningtrainer.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.VertxFactory;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Without export, no span is recorded, yet the trace ids are made and passed on: a request
 * continues its client's trace, and what it sends on the event bus continues the request's.
 */
class TraceIdsTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String ADDRESS = "trace-ids-test.echo";

  private static Vertx vertx;
  private static WebClient client;
  private static int port;

  @BeforeAll
  static void start() {
    vertx = VertxFactory.create(Tracing.idsOnly());
    vertx.eventBus().<String>consumer(ADDRESS, message -> message.reply(String.valueOf(Traces.currentTraceId())));
    HttpServer server = vertx.createHttpServer()
        .requestHandler(request -> {
          String here = Traces.currentTraceId();
          vertx.eventBus().<String>request(ADDRESS, "")
              .onSuccess(reply -> request.response().end(new JsonObject().put("here", here)
                  .put("over_the_event_bus", reply.body()).encode()));
        })
        .listen(0, "127.0.0.1").await();
    port = server.actualPort();
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void aRequestContinuesTheTraceItsClientSent() {
    JsonObject seen = client.get(port, "127.0.0.1", "/").putHeader("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
        .send().await().bodyAsJsonObject();

    assertThat(seen.getString("here")).isEqualTo(TRACE_ID);
  }

  @Test
  void aRequestWithoutTraceparentBeginsATraceThatGoesOnOverTheEventBus() {
    JsonObject seen = client.get(port, "127.0.0.1", "/").send().await().bodyAsJsonObject();

    assertThat(seen.getString("here")).matches("[0-9a-f]{32}").isNotEqualTo(TRACE_ID);
    assertThat(seen.getString("over_the_event_bus")).isEqualTo(seen.getString("here"));
  }
}
