package com.runningtrainer.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.api.ApiEventBus;
import com.runningtrainer.common.api.ApiRequest;
import com.runningtrainer.common.api.ApiResponse;
import com.runningtrainer.common.config.Logging;
import com.runningtrainer.common.http.ConnectionDrain;
import com.runningtrainer.common.http.ContractServer;
import com.runningtrainer.common.http.ServiceHttp;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * Every line logged while serving a request carries its id, however the work hops: a server
 * built as the services build theirs ({@link ContractServer}), whose one operation waits on a
 * timer and a worker thread, then logs.
 */
class RequestIdInLogsTest {

  private static final String SERVICE = "logcheck";
  // From logback itself: a logger SLF4J hands out while another test class initializes it records
  // its events for later, where no capture sees them.
  private static final Logger LOG = Logging.logger("logcheck.echo");

  private static Vertx vertx;
  private static WebClient client;
  private static int port;
  /** The thread, and the event loop's own context, each request's answer was logged on, by request id. */
  private static final Map<String, String> answeredOn = new ConcurrentHashMap<>();
  private static final Map<String, Context> eventLoops = new ConcurrentHashMap<>();

  private LogCapture echo;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    Map<String, com.runningtrainer.common.api.ApiHandler> operations = Map.of("echo", RequestIdInLogsTest::echo);
    HttpServer server = ContractServer.start(vertx,
        new ServiceHttp(SERVICE, 0, operations, null, List.of(), 5_000, Set.of(), Optional.empty()), new ConnectionDrain(0)).await();
    port = server.actualPort();
    ApiEventBus.bind(vertx, SERVICE, operations).await();
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @BeforeEach
  void capture() {
    echo = LogCapture.of(LOG.getName(), LogFormat.JSON);
  }

  @AfterEach
  void release() {
    echo.close();
  }

  /** Waits {@code delay} ms on a timer, then on a worker thread, then logs; every step logs. */
  private static Future<ApiResponse> echo(ApiRequest request) {
    LOG.info("received {}", request.requestId());
    return vertx.timer(request.query().getInteger("delay", 1), TimeUnit.MILLISECONDS)
        .compose(waited -> vertx.executeBlocking(() -> {
          LOG.info("working {}", request.requestId());
          return null;
        }))
        .map(worked -> {
          LOG.warn("answering {}", request.requestId());
          answeredOn.put(request.requestId(), Thread.currentThread().getName());
          eventLoops.put(request.requestId(), ((ContextInternal) Vertx.currentContext()).unwrap());
          return ApiResponse.ok(new JsonObject());
        });
  }

  @Test
  void linesLoggedAfterATimerAndAWorkerThreadCarryTheCallersRequestId() {
    get("abc", 20);

    assertThat(echo.lines()).hasSize(3);
    assertThat(json()).allSatisfy(line -> assertThat(line.getString("request_id")).isEqualTo("abc"));
  }

  @Test
  void twoRequestsInFlightOnOneEventLoopEachLogTheirOwnId() {
    // The slow one is received first and answered last: their steps interleave on the loop.
    Future<?> slow = send("slow-1", 400);
    Future<?> fast = send("fast-2", 10);
    Future.all(slow, fast).await();

    assertThat(answeredOn.get("slow-1")).startsWith("vert.x-eventloop-thread-").isEqualTo(answeredOn.get("fast-2"));
    assertThat(echo.lines()).hasSize(6);
    assertThat(json()).allSatisfy(line ->
        assertThat(line.getString("message")).endsWith(" " + line.getString("request_id")));
    assertThat(json()).extracting(line -> line.getString("message")).containsSubsequence(
        "received slow-1", "received fast-2", "answering fast-2", "answering slow-1");
  }

  @Test
  void aLineLoggedOutsideAnyRequestCarriesNone() {
    get("before", 1);

    // On the very event loop that has just served a request, then on the test's thread.
    Context eventLoop = eventLoops.get("before");
    Future<Void> logged = Future.future(done -> eventLoop.runOnContext(nothing -> {
      LOG.warn("outside");
      done.complete();
    }));
    logged.await();
    LOG.warn("outside");

    assertThat(json()).filteredOn(line -> line.getString("message").equals("outside")).hasSize(2)
        .allSatisfy(line -> assertThat(line.containsKey("request_id")).isFalse());
  }

  @Test
  void theAccessLogLineCarriesTheRequestIdOnce() throws InterruptedException {
    try (LogCapture access = LogCapture.of("access", LogFormat.JSON)) {
      get("access-7", 1);

      // Another test class may serve requests meanwhile: only this request's line counts.
      String line = access.await(written -> written.contains("access-7"));

      assertThat(new JsonObject(line).getString("request_id")).isEqualTo("access-7");
      assertThat(line.split("\"request_id\"", -1)).as("request_id written once").hasSize(2);
    }
  }

  @Test
  void anOperationServedOnTheEventBusLogsTheRequestIdOfTheEnvelope() {
    ApiRequest request = new ApiRequest("echo", new JsonObject(), new JsonObject().put("delay", 10), null,
        new JsonObject(), new JsonObject(), "via-gateway-9");

    vertx.eventBus().request(ApiEventBus.address(SERVICE), request.toJson()).await();

    assertThat(echo.lines()).hasSize(3);
    assertThat(json()).allSatisfy(line -> assertThat(line.getString("request_id")).isEqualTo("via-gateway-9"));
  }

  private List<JsonObject> json() {
    return echo.lines().stream().map(JsonObject::new).toList();
  }

  private static void get(String requestId, int delayMs) {
    send(requestId, delayMs).await();
  }

  private static Future<HttpResponse<io.vertx.core.buffer.Buffer>> send(String requestId, int delayMs) {
    return client.get(port, "localhost", "/api/v1/echo")
        .addQueryParam("delay", String.valueOf(delayMs))
        .putHeader("X-Request-Id", requestId)
        .send()
        .andThen(answer -> assertThat(answer.result().statusCode()).isEqualTo(200));
  }
}
