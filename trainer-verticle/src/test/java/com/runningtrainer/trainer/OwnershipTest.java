package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Two users on every {id} route: Bea reaches nothing of Ann's, and finds it absent. */
class OwnershipTest {

  private static TrainerPlatform platform;
  private static String ann;
  private static String bea;
  private static JsonObject annsPlan;
  private static JsonObject annsWorkout;
  private static JsonObject annsRun;
  private static JsonObject beasPlan;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(OwnershipTest.class);
    ann = platform.newUser();
    bea = platform.newUser();
    annsPlan = platform.plan(ann, "2026-03-02", "2026-03-29");
    annsWorkout = platform.workout(ann, annsPlan, "tempo", "2026-03-04", 10.0);
    annsRun = platform.run(ann, annsWorkout.getString("id"), "2026-03-04", 10, 48);
    // As read once the run is linked: its compliance now says it was done.
    annsWorkout = platform.trainer.get(workout(), ann).bodyAsJsonObject();
    beasPlan = platform.plan(bea, "2026-03-02", "2026-03-29");
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  static Stream<Arguments> routesOfAnnsData() {
    return Stream.of(
        route("GET plan", () -> platform.trainer.get(plan(), bea)),
        route("PUT plan", () -> platform.trainer.put(plan(), bea, planBody())),
        route("DELETE plan", () -> platform.trainer.delete(plan(), bea)),
        route("GET progress", () -> platform.trainer.get("/api/v1/analytics/plans/" + annsPlan.getString("id") + "/progress", bea)),
        route("GET workout", () -> platform.trainer.get(workout(), bea)),
        route("PUT workout", () -> platform.trainer.put(workout(), bea, workoutBody(beasPlan))),
        route("DELETE workout", () -> platform.trainer.delete(workout(), bea)),
        route("GET run", () -> platform.trainer.get(run(), bea)),
        route("PUT run", () -> platform.trainer.put(run(), bea, runBody())),
        route("DELETE run", () -> platform.trainer.delete(run(), bea)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routesOfAnnsData")
  void anotherUserFindsNothing(String route, Function<Void, HttpResponse<Buffer>> call) {
    assertProblem(call.apply(null), 404);

    assertThat(platform.trainer.get(plan(), ann).bodyAsJsonObject()).isEqualTo(annsPlan);
    assertThat(platform.trainer.get(workout(), ann).bodyAsJsonObject()).isEqualTo(annsWorkout);
    assertThat(platform.trainer.get(run(), ann).bodyAsJsonObject()).isEqualTo(annsRun);
  }

  @Test
  void anotherUserCannotLinkARunToTheWorkout() {
    var response = platform.trainer.post("/api/v1/runs", bea, runBody().put("workout_id", annsWorkout.getString("id")));

    assertFieldProblem(response, 422, "workout_id");
  }

  @Test
  void anotherUserCannotAddAWorkoutToThePlan() {
    assertFieldProblem(platform.trainer.post("/api/v1/workouts", bea, workoutBody(annsPlan)), 422, "plan_id");
  }

  @Test
  void anotherUserCannotMoveTheirWorkoutIntoThePlan() {
    JsonObject beasWorkout = platform.workout(bea, beasPlan, "easy_run", "2026-03-05", 6.0);

    var response = platform.trainer.put("/api/v1/workouts/" + beasWorkout.getString("id"), bea, workoutBody(annsPlan));

    assertFieldProblem(response, 422, "plan_id");
  }

  @Test
  void anotherUsersListsAndSummaryLeaveItOut() {
    JsonObject workouts = platform.trainer.get("/api/v1/workouts?plan_id=" + annsPlan.getString("id"), bea).bodyAsJsonObject();
    JsonObject runs = platform.trainer.get("/api/v1/runs?workout_id=" + annsWorkout.getString("id"), bea).bodyAsJsonObject();
    JsonObject summary = platform.trainer.get("/api/v1/analytics/summary", bea).bodyAsJsonObject();

    assertThat(workouts.getLong("total")).isZero();
    assertThat(runs.getLong("total")).isZero();
    assertThat(summary.getLong("total_runs")).isZero();
  }

  private static Arguments route(String name, java.util.function.Supplier<HttpResponse<Buffer>> call) {
    return Arguments.of(name, (Function<Void, HttpResponse<Buffer>>) ignored -> call.get());
  }

  private static String plan() {
    return "/api/v1/plans/" + annsPlan.getString("id");
  }

  private static String workout() {
    return "/api/v1/workouts/" + annsWorkout.getString("id");
  }

  private static String run() {
    return "/api/v1/runs/" + annsRun.getString("id");
  }

  private static JsonObject planBody() {
    return new JsonObject().put("name", "Taken over").put("start_date", "2026-03-02").put("end_date", "2026-03-29");
  }

  private static JsonObject workoutBody(JsonObject plan) {
    return new JsonObject().put("plan_id", plan.getString("id")).put("name", "Taken over").put("workout_type", "rest")
        .put("scheduled_date", "2026-03-10");
  }

  private static JsonObject runBody() {
    return new JsonObject().put("actual_date", "2026-03-10").put("distance_km", 1).put("duration_minutes", 5);
  }
}
