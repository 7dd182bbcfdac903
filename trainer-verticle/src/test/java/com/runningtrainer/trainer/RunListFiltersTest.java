package com.runningtrainer.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The runs list narrowed by every combination of its filters, read by the runner and by a coach
 * the runner shares with but not their Strava runs: each reader gets exactly the runs the
 * filters keep and they may see, newest first, with the total.
 */
class RunListFiltersTest {

  private static final String FROM = "2026-05-04";
  private static final String TO = "2026-05-10";

  private record Listed(String date, boolean linked, boolean fromStrava) {}

  private static final List<Listed> RUNS = List.of(
      new Listed("2026-05-01", true, false),
      new Listed("2026-05-05", false, false),
      new Listed("2026-05-07", true, false),
      new Listed("2026-05-09", true, true),
      new Listed("2026-05-12", true, false));

  private static TrainerPlatform platform;
  private static Person athlete;
  private static Person coach;
  private static String workoutId;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(RunListFiltersTest.class);
    athlete = platform.person();
    coach = platform.coach();
    platform.share(athlete, coach, "read", false);
    JsonObject plan = platform.plan(athlete.token(), "2026-04-27", "2026-05-17");
    workoutId = platform.workout(athlete.token(), plan, "easy_run", "2026-05-07", 8.0).getString("id");
    long activity = 9100;
    for (Listed run : RUNS) {
      String linkedTo = run.linked() ? workoutId : null;
      if (run.fromStrava()) {
        platform.runImports().importRun(athlete.id(), new JsonObject().put("strava_activity_id", activity++)
            .put("workout_id", linkedTo).put("actual_date", run.date()).put("distance_km", 8)
            .put("duration_minutes", 45)).await();
      } else {
        platform.run(athlete.token(), linkedTo, run.date(), 8, 45);
      }
    }
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  static Stream<Arguments> requests() {
    List<Arguments> requests = new ArrayList<>();
    for (boolean byCoach : new boolean[] {false, true}) {
      for (int filters = 0; filters < 8; filters++) {
        requests.add(Arguments.of(byCoach, (filters & 1) != 0, (filters & 2) != 0, (filters & 4) != 0));
      }
    }
    return requests.stream();
  }

  @ParameterizedTest(name = "by coach {0}, from {1}, to {2}, workout {3}")
  @MethodSource("requests")
  void aReaderGetsTheRunsTheFiltersKeepAndTheyMaySee(boolean byCoach, boolean from, boolean to, boolean workout) {
    List<String> expected = RUNS.stream()
        .filter(run -> !(byCoach && run.fromStrava()))
        .filter(run -> !from || run.date().compareTo(FROM) >= 0)
        .filter(run -> !to || run.date().compareTo(TO) <= 0)
        .filter(run -> !workout || run.linked())
        .map(Listed::date)
        .sorted((a, b) -> b.compareTo(a))
        .toList();
    StringBuilder query = new StringBuilder("/api/v1/runs?limit=2");
    query.append(from ? "&from=" + FROM : "").append(to ? "&to=" + TO : "").append(workout ? "&workout_id=" + workoutId : "");
    query.append(byCoach ? "&athlete_id=" + athlete.id() : "");

    JsonObject page = platform.trainer.get(query.toString(), (byCoach ? coach : athlete).token()).bodyAsJsonObject();

    assertThat(page.getLong("total")).isEqualTo(expected.size());
    assertThat(page.getJsonArray("items").stream().map(run -> ((JsonObject) run).getString("actual_date")))
        .containsExactlyElementsOf(expected.subList(0, Math.min(2, expected.size())));
  }
}
