package com.runningtrainer.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.ProblemAssert;
import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation a coach may try on an athlete's data, under every state of their share: none,
 * pending, read, read_write and revoked. Without an active share everything is absent (404);
 * a share that does not allow a change answers 403; deleting a plan stays the athlete's and
 * runs are read-only for a coach.
 */
class CoachAccessTest {

  private static final List<String> STATES = List.of("none", "pending", "read", "read_write", "revoked");

  // What each operation answers under each state, in the order of STATES.
  private static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("GET plan", new int[] {404, 404, 200, 200, 404});
    EXPECTED.put("GET plans of the athlete", new int[] {404, 404, 200, 200, 404});
    EXPECTED.put("GET plan progress", new int[] {404, 404, 200, 200, 404});
    EXPECTED.put("PUT plan", new int[] {404, 404, 403, 200, 404});
    EXPECTED.put("POST plan for the athlete", new int[] {404, 404, 403, 201, 404});
    EXPECTED.put("DELETE plan", new int[] {404, 404, 403, 403, 404});
    EXPECTED.put("GET workout", new int[] {404, 404, 200, 200, 404});
    EXPECTED.put("GET workouts of the athlete", new int[] {404, 404, 200, 200, 404});
    EXPECTED.put("PUT workout", new int[] {404, 404, 403, 200, 404});
    EXPECTED.put("POST workout for the athlete", new int[] {404, 404, 403, 201, 404});
    EXPECTED.put("DELETE workout", new int[] {404, 404, 403, 204, 404});
    EXPECTED.put("GET run", new int[] {404, 404, 200, 200, 404});
    EXPECTED.put("GET runs of the athlete", new int[] {404, 404, 200, 200, 404});
    EXPECTED.put("PUT run", new int[] {404, 404, 403, 403, 404});
    EXPECTED.put("DELETE run", new int[] {404, 404, 403, 403, 404});
    EXPECTED.put("PUT run workout", new int[] {404, 404, 403, 403, 404});
    EXPECTED.put("GET summary of the athlete", new int[] {404, 404, 200, 200, 404});
    EXPECTED.put("GET settings of the athlete", new int[] {404, 404, 200, 200, 404});
    EXPECTED.put("POST plan copy", new int[] {404, 404, 403, 201, 404});
    EXPECTED.put("POST plan shift", new int[] {404, 404, 403, 200, 404});
    EXPECTED.put("POST workout move", new int[] {404, 404, 403, 200, 404});
    EXPECTED.put("POST generated plan for the athlete", new int[] {404, 404, 403, 201, 404});
    EXPECTED.put("GET goals of the athlete", new int[] {404, 404, 200, 200, 404});
    EXPECTED.put("GET load of the athlete", new int[] {404, 404, 200, 200, 404});
    EXPECTED.put("GET predictions of the athlete", new int[] {404, 404, 200, 200, 404});
    EXPECTED.put("POST calendar feed of the athlete's plan", new int[] {404, 404, 404, 404, 404});
  }

  private static TrainerPlatform platform;
  private static final Map<String, Pair> PAIRS = new LinkedHashMap<>();

  /** An athlete, a coach in one state of sharing with them, and the athlete's data. */
  record Pair(Person athlete, Person coach, JsonObject plan, JsonObject workout, JsonObject run) {
  }

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(CoachAccessTest.class);
    for (String state : STATES) {
      Person athlete = platform.person();
      Person coach = platform.coach();
      switch (state) {
        case "pending" -> platform.invite(athlete, coach, "read_write", true);
        case "read", "read_write" -> platform.share(athlete, coach, state, true);
        case "revoked" -> {
          JsonObject share = platform.share(athlete, coach, "read_write", true);
          assertThat(platform.trainer.delete("/api/v1/shares/" + share.getString("id"), athlete.token()).statusCode())
              .isEqualTo(204);
        }
        default -> {
        }
      }
      JsonObject plan = platform.plan(athlete.token(), "2026-03-02", "2026-03-29");
      JsonObject workout = platform.workout(athlete.token(), plan, "tempo", "2026-03-04", 10.0);
      JsonObject run = platform.run(athlete.token(), workout.getString("id"), "2026-03-04", 10, 48);
      // As read once the run is linked: its compliance now says it was done.
      JsonObject done = platform.trainer.get(path("workouts", workout), athlete.token()).bodyAsJsonObject();
      PAIRS.put(state, new Pair(athlete, coach, plan, done, run));
    }
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  static Stream<Arguments> everyOperationUnderEveryShare() {
    List<Arguments> cases = new ArrayList<>();
    EXPECTED.forEach((operation, statuses) -> {
      for (int i = 0; i < STATES.size(); i++) {
        cases.add(Arguments.of(STATES.get(i), operation, statuses[i]));
      }
    });
    return cases.stream();
  }

  @ParameterizedTest(name = "share {0}: {1} answers {2}")
  @MethodSource("everyOperationUnderEveryShare")
  void aCoachReachesWhatTheShareAllows(String state, String operation, int expected) {
    Pair pair = PAIRS.get(state);

    HttpResponse<Buffer> response = OPERATIONS.get(operation).apply(pair);

    if (expected >= 400) {
      ProblemAssert.assertProblem(response, expected);
    } else {
      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "share {0}: the athlete's data is unchanged by what the coach may not do")
  @MethodSource("states")
  void whatACoachMayNotDoLeavesTheAthletesDataAsItWas(String state) {
    Pair pair = PAIRS.get(state);
    String athlete = pair.athlete().token();
    if (!state.equals("read_write")) {
      OPERATIONS.get("PUT plan").apply(pair);
      OPERATIONS.get("PUT workout").apply(pair);
      assertThat(platform.trainer.get(path("plans", pair.plan()), athlete).bodyAsJsonObject()).isEqualTo(pair.plan());
      assertThat(platform.trainer.get(path("workouts", pair.workout()), athlete).bodyAsJsonObject())
          .isEqualTo(pair.workout());
    }

    OPERATIONS.get("PUT run").apply(pair);
    OPERATIONS.get("DELETE run").apply(pair);
    OPERATIONS.get("PUT run workout").apply(pair);

    assertThat(platform.trainer.get(path("runs", pair.run()), athlete).bodyAsJsonObject()).isEqualTo(pair.run());
  }

  static Stream<String> states() {
    return STATES.stream();
  }

  private static final Map<String, Function<Pair, HttpResponse<Buffer>>> OPERATIONS = Map.ofEntries(
      Map.entry("GET plan", p -> platform.trainer.get(path("plans", p.plan()), p.coach().token())),
      Map.entry("GET plans of the athlete", p -> platform.trainer.get(ofAthlete("/api/v1/plans", p), p.coach().token())),
      Map.entry("GET plan progress", p -> platform.trainer.get(
          "/api/v1/analytics/plans/" + p.plan().getString("id") + "/progress", p.coach().token())),
      Map.entry("PUT plan", p -> platform.trainer.put(path("plans", p.plan()), p.coach().token(), new JsonObject()
          .put("name", "Edited by the coach").put("start_date", "2026-03-02").put("end_date", "2026-03-29"))),
      Map.entry("POST plan for the athlete", p -> platform.trainer.post(ofAthlete("/api/v1/plans", p), p.coach().token(),
          new JsonObject().put("name", "From the coach").put("start_date", "2026-04-06").put("end_date", "2026-04-26"))),
      Map.entry("DELETE plan", p -> platform.trainer.delete(
          path("plans", platform.plan(p.athlete().token(), "2026-05-04", "2026-05-31")), p.coach().token())),
      Map.entry("GET workout", p -> platform.trainer.get(path("workouts", p.workout()), p.coach().token())),
      Map.entry("GET workouts of the athlete",
          p -> platform.trainer.get(ofAthlete("/api/v1/workouts", p), p.coach().token())),
      Map.entry("PUT workout", p -> platform.trainer.put(path("workouts", p.workout()), p.coach().token(),
          workoutBody(p.plan(), "Edited by the coach"))),
      Map.entry("POST workout for the athlete", p -> platform.trainer.post(ofAthlete("/api/v1/workouts", p),
          p.coach().token(), workoutBody(p.plan(), "From the coach"))),
      Map.entry("DELETE workout", p -> platform.trainer.delete(
          path("workouts", platform.workout(p.athlete().token(), p.plan(), "easy_run", "2026-03-10", 6.0)),
          p.coach().token())),
      Map.entry("GET run", p -> platform.trainer.get(path("runs", p.run()), p.coach().token())),
      Map.entry("GET runs of the athlete", p -> platform.trainer.get(ofAthlete("/api/v1/runs", p), p.coach().token())),
      Map.entry("PUT run", p -> platform.trainer.put(path("runs", p.run()), p.coach().token(), new JsonObject()
          .put("actual_date", "2026-03-04").put("distance_km", 42).put("duration_minutes", 120))),
      Map.entry("DELETE run", p -> platform.trainer.delete(path("runs", p.run()), p.coach().token())),
      Map.entry("PUT run workout", p -> platform.trainer.put(path("runs", p.run()) + "/workout", p.coach().token(),
          new JsonObject().putNull("workout_id"))),
      Map.entry("GET summary of the athlete",
          p -> platform.trainer.get(ofAthlete("/api/v1/analytics/summary", p), p.coach().token())),
      Map.entry("POST plan copy", p -> platform.trainer.post(path("plans", p.plan()) + "/copy", p.coach().token(),
          new JsonObject().put("start_date", "2026-06-01"))),
      Map.entry("POST plan shift", p -> platform.trainer.post(path("plans", p.plan()) + "/shift", p.coach().token(),
          new JsonObject().put("days", 1).put("from", "2026-03-20"))),
      Map.entry("POST workout move", p -> platform.trainer.post(path("workouts", p.workout()) + "/move", p.coach().token(),
          new JsonObject().put("date", "2026-03-04"))),
      Map.entry("POST generated plan for the athlete", p -> platform.trainer.post(ofAthlete("/api/v1/plans/generate", p),
          p.coach().token(), new JsonObject().put("goal_distance", "10k").put("race_date", "2027-06-06").put("start_date", "2027-03-01")
              .put("runs_per_week", 4).put("current_weekly_km", 25).put("current_long_run_km", 10))),
      Map.entry("GET settings of the athlete",
          p -> platform.trainer.get(ofAthlete("/api/v1/athlete", p), p.coach().token())),
      Map.entry("GET load of the athlete",
          p -> platform.trainer.get(ofAthlete("/api/v1/analytics/load", p), p.coach().token())),
      Map.entry("GET predictions of the athlete",
          p -> platform.trainer.get(ofAthlete("/api/v1/analytics/predictions", p), p.coach().token())),
      Map.entry("POST calendar feed of the athlete's plan", p -> platform.trainer.post("/api/v1/calendar/feed",
          p.coach().token(), new JsonObject().put("plan_id", p.plan().getString("id")))),
      Map.entry("GET goals of the athlete",
          p -> platform.trainer.get(ofAthlete("/api/v1/analytics/goals", p), p.coach().token())));

  private static String path(String collection, JsonObject resource) {
    return "/api/v1/" + collection + "/" + resource.getString("id");
  }

  private static String ofAthlete(String path, Pair pair) {
    return path + "?athlete_id=" + pair.athlete().id();
  }

  private static JsonObject workoutBody(JsonObject plan, String name) {
    return new JsonObject().put("plan_id", plan.getString("id")).put("name", name).put("workout_type", "easy_run")
        .put("scheduled_date", "2026-03-12").put("distance_km", 8);
  }
}
