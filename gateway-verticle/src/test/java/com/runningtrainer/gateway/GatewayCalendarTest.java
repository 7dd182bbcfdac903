package com.runningtrainer.gateway;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.TestHttp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trainer's calendar feed through the gateway, as a calendar app fetches it: no bearer token,
 * a text/calendar answer passed on byte for byte whether the gateway reaches the trainer over the
 * event bus or over HTTP, and its ETag honoured.
 */
class GatewayCalendarTest {

  private static final String PUBLIC_API_URL = "https://api.example.test";

  private static GatewayPlatform platform;
  private static TestHttp overHttp;
  private static TestHttp trainerDirect;

  @BeforeAll
  static void start() {
    platform = GatewayPlatform.start(GatewayCalendarTest.class, Map.of("PUBLIC_API_URL", PUBLIC_API_URL), true);
    int trainerPort = platform.config.integer("TRAINER_PORT", 0);
    overHttp = platform.gateway(Map.of("TRAINER_UPSTREAM", "http://127.0.0.1:" + trainerPort));
    trainerDirect = new TestHttp(platform.vertx, trainerPort);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  /** A new user's plan with one workout, and the path of the feed the user made through the gateway. */
  private record Feed(String path, String workoutId) {
  }

  private static Feed newFeed() {
    String token = platform.newUser();
    String plan = platform.gateway.post("/api/v1/plans", token, GatewayPlatform.plan()).bodyAsJsonObject().getString("id");
    String workout = platform.gateway.post("/api/v1/workouts", token, new JsonObject().put("plan_id", plan)
        .put("name", "Intervals, 6 x 800; é 🏃").put("workout_type", "intervals").put("scheduled_date", "2027-03-03")
        .put("distance_km", 8)).bodyAsJsonObject().getString("id");
    var made = platform.gateway.post("/api/v1/calendar/feed", token, new JsonObject().put("plan_id", plan));
    assertThat(made.statusCode()).as(made.bodyAsString()).isEqualTo(201);
    String url = made.bodyAsJsonObject().getString("url");
    assertThat(url).startsWith(PUBLIC_API_URL + "/api/v1/calendar/");
    return new Feed(url.substring(PUBLIC_API_URL.length()), workout);
  }

  private static HttpResponse<Buffer> fetch(TestHttp at, String path) {
    return at.get(path, null);
  }

  @Test
  void theFeedComesThroughTheGatewayWithoutABearerTokenOverTheEventBus() {
    Feed feed = newFeed();

    var response = fetch(platform.gateway, feed.path());

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("text/calendar; charset=utf-8");
    assertThat(response.getHeader("ETag")).isNotBlank();
    assertThat(response.bodyAsString()).startsWith("BEGIN:VCALENDAR\r\n")
        .contains("UID:" + feed.workoutId() + "@running-trainer\r\n")
        .contains("SUMMARY:Intervals · 8 km\r\n")
        .contains("DESCRIPTION:Intervals\\, 6 x 800\\; é 🏃\r\n");
    assertThat(response.body()).isEqualTo(fetch(trainerDirect, feed.path()).body());
  }

  @Test
  void theFeedComesThroughAGatewayForwardingOverHttp() {
    Feed feed = newFeed();

    var response = fetch(overHttp, feed.path());

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("text/calendar; charset=utf-8");
    assertThat(response.body()).isEqualTo(fetch(trainerDirect, feed.path()).body());
  }

  @Test
  void theCurrentEtagIs304ThroughTheGateway() {
    Feed feed = newFeed();
    String etag = fetch(platform.gateway, feed.path()).getHeader("ETag");

    var again = platform.gateway.request(HttpMethod.GET, feed.path(), null).putHeader("If-None-Match", etag).send().await();

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.getHeader("ETag")).isEqualTo(etag);
  }

  @Test
  void anUnknownFeedIsA404ProblemThroughTheGateway() {
    assertProblem(fetch(platform.gateway, "/api/v1/calendar/" + "B".repeat(43) + ".ics"), 404);
  }
}
