package com.runningtrainer.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.api.ApiEventBus;
import com.runningtrainer.common.api.ApiRequest;
import com.runningtrainer.common.api.ApiResponse;
import com.runningtrainer.testsupport.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stopping the process, as the launcher does on SIGTERM, while writers keep the trainer's instances
 * busy over HTTP and over {@code trainer.api}: every request is either answered as if nothing
 * happened or refused before the service took it, never failed by a pool closed under it.
 */
class GracefulStopTest {

  private static final int WRITERS = 4;

  private TrainerPlatform platform;
  private Vertx clients;
  private final Queue<String> outcomes = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void start() {
    platform = TrainerPlatform.start(GracefulStopTest.class, Map.of("TRAINER_INSTANCES", "3"));
    clients = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    clients.close().await();
    TestDatabase.drop(platform.databaseUrl);
  }

  @Test
  void givenWritersOverHttpWhenTheProcessStopsThenNoRequestIsFailedByTheService() throws Exception {
    WebClient http = WebClient.create(clients, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(platform.trainer.port()));
    String token = platform.newUser();
    List<Future<Void>> writers = IntStream.range(0, WRITERS)
        .mapToObj(i -> writeUntilRefused(() -> http.request(HttpMethod.POST, "/api/v1/plans")
            .bearerTokenAuthentication(token)
            .sendJsonObject(plan())
            .map(response -> "HTTP " + response.statusCode()
                + (response.statusCode() >= 500 ? " " + response.bodyAsString() : ""))))
        .toList();

    awaitAnswers();
    platform.stopProcess();
    Future.join(writers).await();

    // A connection the stopping server closes in the instant a client writes on it is lost to
    // TCP, not failed by the service; what must never be seen is a 5xx of the service's own.
    assertThat(outcomes).isNotEmpty().allSatisfy(outcome -> assertThat(outcome)
        .matches("HTTP 201|HTTP 503 .*|refused|connection lost"));
  }

  @Test
  void givenWritersOnTheEventBusWhenTheServiceIsUndeployedThenEveryEnvelopeIsAnsweredOrFindsNoHandler()
      throws Exception {
    String userId = UUID.randomUUID().toString();
    List<Future<Void>> writers = IntStream.range(0, WRITERS)
        .mapToObj(i -> writeUntilRefused(() -> platform.vertx.eventBus()
            .<JsonObject>request("trainer.api", new ApiRequest("createPlan", new JsonObject(), new JsonObject(), plan(),
                new JsonObject().put("sub", userId), new JsonObject(), "rq-stop").toJson())
            .map(reply -> ApiResponse.fromJson(reply.body()))
            .map(response -> "HTTP " + response.status() + (response.status() >= 500 ? " " + response.body() : ""))))
        .toList();

    awaitAnswers();
    platform.stopTrainer();
    Future.join(writers).await();
    platform.vertx.close().await();

    assertThat(outcomes).isNotEmpty().allSatisfy(outcome -> assertThat(outcome)
        .matches("HTTP 201|HTTP 503 .*|refused"));
  }

  /** Waits until every writer is under way, its first requests answered. */
  private void awaitAnswers() throws InterruptedException {
    while (outcomes.stream().filter("HTTP 201"::equals).count() < 10L * WRITERS) {
      Thread.sleep(10);
    }
  }

  /** Sends one request after another, noting each outcome, until the service is gone. */
  private Future<Void> writeUntilRefused(Supplier<Future<String>> send) {
    return send.get().transform(sent -> {
      if (sent.succeeded()) {
        outcomes.add(sent.result());
        return writeUntilRefused(send);
      }
      outcomes.add(refusedBeforeTaken(sent.cause()) ? "refused"
          : connectionLost(sent.cause()) ? "connection lost" : "failed: " + sent.cause());
      return Future.succeededFuture();
    });
  }

  private static boolean refusedBeforeTaken(Throwable failure) {
    return failure instanceof ConnectException || ApiEventBus.notTaken(failure);
  }

  private static boolean connectionLost(Throwable failure) {
    return failure instanceof HttpClosedException || failure instanceof SocketException;
  }

  private static JsonObject plan() {
    return new JsonObject().put("name", "Base").put("start_date", "2026-01-05").put("end_date", "2026-02-01");
  }
}
