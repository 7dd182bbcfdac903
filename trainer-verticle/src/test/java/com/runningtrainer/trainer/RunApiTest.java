package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunApiTest {

  private static TrainerPlatform platform;
  private static String token;
  private static JsonObject workout;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(RunApiTest.class);
    token = platform.newUser();
    JsonObject plan = platform.plan(token, "2026-03-02", "2026-03-29");
    workout = platform.workout(token, plan, "easy_run", "2026-03-03", 10.0);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static JsonObject easyRun() {
    return new JsonObject()
        .put("actual_date", "2026-03-03")
        .put("distance_km", 10.2)
        .put("duration_minutes", 55.5)
        .put("notes", "felt easy");
  }

  @Test
  void recordsARunWithItsPaceComputed() {
    var created = platform.trainer.post("/api/v1/runs", token, easyRun());

    assertThat(created.statusCode()).isEqualTo(201);
    JsonObject run = created.bodyAsJsonObject();
    assertThat(run.getValue("workout_id")).isNull();
    assertThat(run.getDouble("average_pace")).isEqualTo(5.441);
    assertThat(platform.trainer.get("/api/v1/runs/" + run.getString("id"), token).bodyAsJsonObject()).isEqualTo(run);
  }

  @Test
  void keepsAPaceTheRunnerGives() {
    var created = platform.trainer.post("/api/v1/runs", token, easyRun().put("average_pace", 5.2));

    assertThat(created.bodyAsJsonObject().getDouble("average_pace")).isEqualTo(5.2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"actual_date", "distance_km", "duration_minutes"})
  void requiresDateDistanceAndDuration(String field) {
    JsonObject run = easyRun();
    run.remove(field);

    assertFieldProblem(platform.trainer.post("/api/v1/runs", token, run), 400, field);
  }

  @Test
  void refusesARunLongerThanAWeek() {
    assertFieldProblem(platform.trainer.post("/api/v1/runs", token, easyRun().put("duration_minutes", 10081)), 400,
        "duration_minutes");
  }

  @Test
  void refusesAGivenPaceTooSmallToKeepInTheApisWords() {
    var response = platform.trainer.post("/api/v1/runs", token, easyRun().put("average_pace", 0.0001));

    assertThat(assertFieldProblem(response, 422, "average_pace").encode()).doesNotContain("runs_");
  }

  @Test
  void refusesARunWhosePaceWouldBeSlowerThanAKilometreAWeek() {
    var response = platform.trainer.post("/api/v1/runs", token, easyRun().put("distance_km", 0.001).put("duration_minutes", 100));

    assertFieldProblem(response, 422, "average_pace");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0000-01-01", "1899-12-31", "2201-01-01"})
  void refusesADateOutsideTheYearsADiaryHolds(String date) {
    assertFieldProblem(platform.trainer.post("/api/v1/runs", token, easyRun().put("actual_date", date)), 400, "actual_date");
    assertFieldProblem(platform.trainer.get("/api/v1/runs?from=" + date, token), 400, "from");
  }

  @Test
  void linksARunToTheRunnersWorkout() {
    var created = platform.trainer.post("/api/v1/runs", token, easyRun().put("workout_id", workout.getString("id")));

    assertThat(created.bodyAsJsonObject().getString("workout_id")).isEqualTo(workout.getString("id"));
    assertThat(platform.trainer.get("/api/v1/runs?workout_id=" + workout.getString("id"), token).bodyAsJsonObject()
        .getJsonArray("items").stream().map(r -> ((JsonObject) r).getString("id")))
        .contains(created.bodyAsJsonObject().getString("id"));
  }

  @Test
  void refusesAWorkoutThatDoesNotExist() {
    var response = platform.trainer.post("/api/v1/runs", token,
        easyRun().put("workout_id", "00000000-0000-4000-8000-000000000000"));

    assertFieldProblem(response, 422, "workout_id");
  }

  @Test
  void updatesARunAndRecomputesItsPace() {
    JsonObject run = platform.create("/api/v1/runs", token, easyRun());

    var updated = platform.trainer.put("/api/v1/runs/" + run.getString("id"), token,
        easyRun().put("distance_km", 12).put("duration_minutes", 60).put("workout_id", workout.getString("id")));

    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(updated.bodyAsJsonObject().getDouble("average_pace")).isEqualTo(5.0);
    assertThat(updated.bodyAsJsonObject().getString("workout_id")).isEqualTo(workout.getString("id"));
  }

  @Test
  void unlinksARunWhenUpdatedWithoutAWorkout() {
    JsonObject run = platform.create("/api/v1/runs", token, easyRun().put("workout_id", workout.getString("id")));

    var updated = platform.trainer.put("/api/v1/runs/" + run.getString("id"), token, easyRun());

    assertThat(updated.bodyAsJsonObject().getValue("workout_id")).isNull();
  }

  @Test
  void deletesARun() {
    JsonObject run = platform.create("/api/v1/runs", token, easyRun());

    assertThat(platform.trainer.delete("/api/v1/runs/" + run.getString("id"), token).statusCode()).isEqualTo(204);
    assertThat(platform.trainer.get("/api/v1/runs/" + run.getString("id"), token).statusCode()).isEqualTo(404);
  }

  @Test
  void listsRunsNewestFirstWithinADateRange() {
    String runner = platform.newUser();
    platform.run(runner, null, "2026-07-01", 5, 30);
    platform.run(runner, null, "2026-07-09", 8, 45);
    platform.run(runner, null, "2026-07-05", 6, 33);
    platform.run(runner, null, "2026-07-20", 21.1, 110);

    JsonObject page = platform.trainer.get("/api/v1/runs?from=2026-07-02&to=2026-07-09", runner).bodyAsJsonObject();

    assertThat(page.getLong("total")).isEqualTo(2);
    assertThat(page.getJsonArray("items").stream().map(r -> ((JsonObject) r).getString("actual_date")))
        .containsExactly("2026-07-09", "2026-07-05");
  }
}
