package com.runningtrainer.gateway;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.events.UserEvents;
import com.runningtrainer.gateway.EventStreamClient.Event;
import com.runningtrainer.testsupport.TestHttp;
import com.runningtrainer.testsupport.TestTokens;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The caller's event stream at the gateway: their events as they are published, never another's,
 * what was missed after {@code Last-Event-ID}, heartbeats, and an end when the token is revoked.
 */
class GatewayEventsTest {

  private static final Duration SOON = Duration.ofSeconds(5);
  private static GatewayPlatform platform;

  @BeforeAll
  static void start() {
    platform = GatewayPlatform.start(GatewayEventsTest.class, Map.of(), false);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static String userOf(String token) {
    return TestTokens.claims(token).getString("sub");
  }

  private static void publish(String token, String type, JsonObject data) {
    UserEvents.publish(platform.vertx, userOf(token), type, data);
  }

  @Test
  void anEventOfTheCallerArrivesOnTheirStreamAsItIsPublished() throws InterruptedException {
    String token = platform.newUser();
    try (EventStreamClient stream = EventStreamClient.open(platform.vertx, platform.gatewayPort, token, null)) {
      publish(token, "pdf.status", new JsonObject().put("status", "ready"));

      Event event = stream.awaitEvent(e -> e.type().equals("pdf.status"), SOON);

      assertThat(stream.response.statusCode()).isEqualTo(200);
      assertThat(stream.response.getHeader("Content-Type")).startsWith("text/event-stream");
      assertThat(new JsonObject(event.data())).isEqualTo(new JsonObject().put("status", "ready"));
    }
  }

  @Test
  void oneUserNeverReceivesAnothersEvents() throws InterruptedException {
    String ann = platform.newUser();
    String bob = platform.newUser();
    try (EventStreamClient bobs = EventStreamClient.open(platform.vertx, platform.gatewayPort, bob, null)) {
      publish(ann, "pdf.status", new JsonObject().put("for", "ann"));
      publish(bob, "pdf.status", new JsonObject().put("for", "bob"));

      bobs.awaitEvent(e -> e.data().contains("bob"), SOON);

      assertThat(bobs.events()).extracting(Event::data).noneMatch(data -> data.contains("ann"));
    }
  }

  @Test
  void aClientThatReconnectsWithLastEventIdIsSentWhatItMissedAndNothingBefore() throws InterruptedException {
    String token = platform.newUser();
    String lastSeen;
    try (EventStreamClient first = EventStreamClient.open(platform.vertx, platform.gatewayPort, token, null)) {
      publish(token, "pdf.status", new JsonObject().put("n", 1));
      lastSeen = first.awaitEvent(e -> e.data().contains("\"n\":1"), SOON).id();
    }
    publish(token, "pdf.status", new JsonObject().put("n", 2));
    publish(token, "pdf.status", new JsonObject().put("n", 3));
    Thread.sleep(300);

    try (EventStreamClient again = EventStreamClient.open(platform.vertx, platform.gatewayPort, token, lastSeen)) {
      again.awaitEvent(e -> e.data().contains("\"n\":3"), SOON);

      assertThat(again.events()).as(again.text() + " after " + lastSeen).extracting(Event::data).containsExactly("{\"n\":2}", "{\"n\":3}");
    }
  }

  @Test
  void aStreamWithoutAValidTokenIsRefused() {
    assertProblem(platform.gateway.get("/api/v1/events", null), 401);
    assertProblem(platform.gateway.get("/api/v1/events", "not-a-token"), 401);
  }

  @Test
  void anOpenStreamIsKeptAliveWithComments() throws InterruptedException {
    TestHttp quick = platform.gateway(Map.of("GATEWAY_EVENTS_HEARTBEAT_MS", "200"));
    String token = platform.newUser();
    try (EventStreamClient stream = EventStreamClient.open(platform.vertx, quick.port(), token, null)) {
      stream.awaitText(": keep-alive", SOON);
    }
  }

  @Test
  void theStreamOfALoggedOutTokenEndsAtTheNextHeartbeat() {
    TestHttp quick = platform.gateway(Map.of("GATEWAY_EVENTS_HEARTBEAT_MS", "200"));
    String token = platform.newUser();
    try (EventStreamClient stream = EventStreamClient.open(platform.vertx, quick.port(), token, null)) {
      assertThat(platform.gateway.post("/api/v1/auth/logout", token, null).statusCode()).isEqualTo(204);

      assertThat(stream.awaitEnd(SOON)).isTrue();
    }
  }

  @Test
  void aUserWithAsManyStreamsAsAllowedIsRefusedAnotherWith429() {
    TestHttp single = platform.gateway(Map.of("GATEWAY_EVENTS_PER_USER", "1"));
    String token = platform.newUser();
    try (EventStreamClient first = EventStreamClient.open(platform.vertx, single.port(), token, null)) {
      var second = single.get("/api/v1/events", token);

      assertProblem(second, 429);
      assertThat(second.getHeader("Retry-After")).isNotBlank();
    }
  }
}
