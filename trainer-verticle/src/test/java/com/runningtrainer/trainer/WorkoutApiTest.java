package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkoutApiTest {

  private static TrainerPlatform platform;
  private static String token;
  private static JsonObject plan;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(WorkoutApiTest.class);
    token = platform.newUser();
    plan = platform.plan(token, "2026-03-02", "2026-03-29");
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static JsonObject tempo() {
    return new JsonObject()
        .put("plan_id", plan.getString("id"))
        .put("name", "Tempo 3 x 2 km")
        .put("workout_type", "tempo")
        .put("description", "at threshold")
        .put("scheduled_date", "2026-03-04")
        .put("distance_km", 12.5)
        .put("duration_minutes", 60);
  }

  @Test
  void createsAWorkoutInItsPlanAndReadsItBack() {
    var created = platform.trainer.post("/api/v1/workouts", token, tempo());

    assertThat(created.statusCode()).isEqualTo(201);
    JsonObject workout = created.bodyAsJsonObject();
    assertThat(workout.getString("plan_id")).isEqualTo(plan.getString("id"));
    assertThat(workout.getDouble("distance_km")).isEqualTo(12.5);
    assertThat(workout.getDouble("duration_minutes")).isEqualTo(60.0);
    assertThat(platform.trainer.get("/api/v1/workouts/" + workout.getString("id"), token).bodyAsJsonObject())
        .isEqualTo(workout);
  }

  @Test
  void plansARestDayWithNeitherDistanceNorDuration() {
    JsonObject rest = tempo().put("workout_type", "rest").put("name", "Rest");
    rest.remove("distance_km");
    rest.remove("duration_minutes");

    var created = platform.trainer.post("/api/v1/workouts", token, rest);

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.bodyAsJsonObject().getValue("distance_km")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-03-01", "2026-03-30"})
  void refusesADateOutsideItsPlan(String date) {
    assertFieldProblem(platform.trainer.post("/api/v1/workouts", token, tempo().put("scheduled_date", date)), 422,
        "scheduled_date");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-03-02", "2026-03-29"})
  void acceptsThePlansFirstAndLastDay(String date) {
    assertThat(platform.trainer.post("/api/v1/workouts", token, tempo().put("scheduled_date", date)).statusCode())
        .isEqualTo(201);
  }

  @Test
  void refusesAPlanThatDoesNotExist() {
    var response = platform.trainer.post("/api/v1/workouts", token,
        tempo().put("plan_id", "00000000-0000-4000-8000-000000000000"));

    assertFieldProblem(response, 422, "plan_id");
  }

  @Test
  void refusesAnUnknownWorkoutType() {
    assertFieldProblem(platform.trainer.post("/api/v1/workouts", token, tempo().put("workout_type", "jogging")), 400,
        "workout_type");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -1, 1000.001})
  void refusesADistanceThatIsNotPositiveOrAbove1000Km(double distance) {
    assertFieldProblem(platform.trainer.post("/api/v1/workouts", token, tempo().put("distance_km", distance)), 400,
        "distance_km");
  }

  @Test
  void acceptsADistanceOf1000Km() {
    assertThat(platform.trainer.post("/api/v1/workouts", token, tempo().put("distance_km", 1000)).statusCode())
        .isEqualTo(201);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 10081})
  void refusesADurationThatIsNotPositiveOrLongerThanAWeek(double minutes) {
    assertFieldProblem(platform.trainer.post("/api/v1/workouts", token, tempo().put("duration_minutes", minutes)), 400,
        "duration_minutes");
  }

  @Test
  void movesAWorkoutWithinItsPlan() {
    JsonObject workout = platform.create("/api/v1/workouts", token, tempo());

    var updated = platform.trainer.put("/api/v1/workouts/" + workout.getString("id"), token,
        tempo().put("scheduled_date", "2026-03-20").put("workout_type", "intervals"));

    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(updated.bodyAsJsonObject().getString("scheduled_date")).isEqualTo("2026-03-20");
    assertThat(updated.bodyAsJsonObject().getString("workout_type")).isEqualTo("intervals");
  }

  @Test
  void refusesToMoveAWorkoutOutsideItsPlan() {
    JsonObject workout = platform.create("/api/v1/workouts", token, tempo());

    var updated = platform.trainer.put("/api/v1/workouts/" + workout.getString("id"), token,
        tempo().put("scheduled_date", "2026-04-20"));

    assertFieldProblem(updated, 422, "scheduled_date");
    assertThat(platform.trainer.get("/api/v1/workouts/" + workout.getString("id"), token).bodyAsJsonObject()
        .getString("scheduled_date")).isEqualTo("2026-03-04");
  }

  @Test
  void refusesToShrinkAPlanAwayFromItsWorkouts() {
    JsonObject shortPlan = platform.plan(token, "2026-05-04", "2026-05-31");
    platform.workout(token, shortPlan, "long_run", "2026-05-30", 30.0);

    var updated = platform.trainer.put("/api/v1/plans/" + shortPlan.getString("id"), token, new JsonObject()
        .put("name", "Plan").put("start_date", "2026-05-04").put("end_date", "2026-05-24"));

    assertFieldProblem(updated, 422, "start_date");
  }

  @Test
  void deletesAWorkout() {
    JsonObject workout = platform.create("/api/v1/workouts", token, tempo());

    assertThat(platform.trainer.delete("/api/v1/workouts/" + workout.getString("id"), token).statusCode()).isEqualTo(204);
    assertThat(platform.trainer.get("/api/v1/workouts/" + workout.getString("id"), token).statusCode()).isEqualTo(404);
  }

  @Test
  void listsAPlansWorkoutsSoonestFirstFilteredByDatesAndType() {
    JsonObject block = platform.plan(token, "2026-06-01", "2026-06-28");
    platform.workout(token, block, "long_run", "2026-06-14", 25.0);
    platform.workout(token, block, "easy_run", "2026-06-02", 8.0);
    platform.workout(token, block, "long_run", "2026-06-07", 20.0);
    platform.workout(token, block, "long_run", "2026-06-28", 32.0);
    String planFilter = "/api/v1/workouts?plan_id=" + block.getString("id");

    JsonArray all = platform.trainer.get(planFilter, token).bodyAsJsonObject().getJsonArray("items");
    JsonArray longRuns = platform.trainer.get(planFilter + "&workout_type=long_run&from=2026-06-07&to=2026-06-14", token)
        .bodyAsJsonObject().getJsonArray("items");

    assertThat(all.stream().map(w -> ((JsonObject) w).getString("scheduled_date")))
        .containsExactly("2026-06-02", "2026-06-07", "2026-06-14", "2026-06-28");
    assertThat(longRuns.stream().map(w -> ((JsonObject) w).getDouble("distance_km"))).containsExactly(20.0, 25.0);
  }

  @Test
  void refusesADateRangeThatEndsBeforeItStarts() {
    assertFieldProblem(platform.trainer.get("/api/v1/workouts?from=2026-06-07&to=2026-06-01", token), 422, "to");
  }

  @Test
  void refusesAFilterOfTheWrongShape() {
    assertFieldProblem(platform.trainer.get("/api/v1/workouts?plan_id=abc", token), 400, "plan_id");
  }
}
