package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plan tools on a real database: copying a plan to new dates, shifting its workouts, moving
 * one workout; for the athlete, another user (404, nothing changed) and coaches reading (403,
 * nothing changed) and writing; and bodies refused with nothing half-written.
 */
class PlanToolsTest {

  private static TrainerPlatform platform;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(PlanToolsTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  /** A plan of March 2026, its race on the 29th, with a tempo on the 4th, an easy run on the 11th and the race. */
  private static JsonObject march(String token) {
    JsonObject plan = platform.create("/api/v1/plans", token, new JsonObject().put("name", "Spring 10k")
        .put("start_date", "2026-03-02").put("end_date", "2026-03-29").put("goal_race_date", "2026-03-29"));
    platform.workout(token, plan, "tempo", "2026-03-04", 10.0);
    platform.workout(token, plan, "easy_run", "2026-03-11", 8.0);
    platform.workout(token, plan, "race", "2026-03-29", 10.0);
    return plan;
  }

  private static JsonArray workoutsOf(String token, JsonObject plan) {
    return platform.trainer.get("/api/v1/workouts?limit=100&plan_id=" + plan.getString("id"), token).bodyAsJsonObject()
        .getJsonArray("items");
  }

  private static List<String> datesOf(String token, JsonObject plan) {
    return workoutsOf(token, plan).stream().map(w -> ((JsonObject) w).getString("scheduled_date")).toList();
  }

  private static JsonObject read(String token, JsonObject plan) {
    return platform.trainer.get("/api/v1/plans/" + plan.getString("id"), token).bodyAsJsonObject();
  }

  private static String copy(JsonObject plan) {
    return "/api/v1/plans/" + plan.getString("id") + "/copy";
  }

  private static String shift(JsonObject plan) {
    return "/api/v1/plans/" + plan.getString("id") + "/shift";
  }

  private static String move(JsonObject workout) {
    return "/api/v1/workouts/" + workout.getString("id") + "/move";
  }

  private static JsonObject workoutOn(String token, JsonObject plan, String date) {
    return workoutsOf(token, plan).stream().map(JsonObject.class::cast)
        .filter(w -> w.getString("scheduled_date").equals(date)).findFirst().orElseThrow();
  }

  @Test
  void aCopyToANewStartDateMovesEveryWorkoutByTheSameDaysAndLeavesTheRunsBehind() {
    String token = platform.newUser();
    JsonObject plan = march(token);
    platform.run(token, workoutOn(token, plan, "2026-03-04").getString("id"), "2026-03-04", 10, 50);

    var copied = platform.trainer.post(copy(plan), token, new JsonObject().put("start_date", "2026-06-01"));

    assertThat(copied.statusCode()).as(copied.bodyAsString()).isEqualTo(201);
    JsonObject copy = copied.bodyAsJsonObject();
    assertThat(copied.getHeader("Location")).isEqualTo("/api/v1/plans/" + copy.getString("id"));
    assertThat(copy.getString("name")).isEqualTo("Spring 10k (copy)");
    assertThat(List.of(copy.getString("start_date"), copy.getString("end_date"), copy.getString("goal_race_date")))
        .containsExactly("2026-06-01", "2026-06-28", "2026-06-28");
    assertThat(datesOf(token, copy)).containsExactly("2026-06-03", "2026-06-10", "2026-06-28");
    JsonObject copiedTempo = workoutOn(token, copy, "2026-06-03");
    assertThat(platform.trainer.get("/api/v1/runs?workout_id=" + copiedTempo.getString("id"), token).bodyAsJsonObject()
        .getInteger("total")).isZero();
    assertThat(datesOf(token, plan)).containsExactly("2026-03-04", "2026-03-11", "2026-03-29");
  }

  @Test
  void aCopyToANewRaceDatePutsTheGoalRaceOnItOrTheEndWhenThereIsNone() {
    String token = platform.newUser();
    JsonObject plan = march(token);
    JsonObject noRace = platform.plan(token, "2026-03-02", "2026-03-29");
    platform.workout(token, noRace, "long_run", "2026-03-29", 20.0);

    JsonObject copy = platform.create(copy(plan), token, new JsonObject().put("race_date", "2026-10-11").put("name", "Autumn"));
    JsonObject copyOfNoRace = platform.create(copy(noRace), token, new JsonObject().put("race_date", "2026-10-11"));

    assertThat(copy.getString("name")).isEqualTo("Autumn");
    assertThat(copy.getString("start_date")).isEqualTo("2026-09-14");
    assertThat(datesOf(token, copy)).containsExactly("2026-09-16", "2026-09-23", "2026-10-11");
    assertThat(copyOfNoRace.getString("end_date")).isEqualTo("2026-10-11");
    assertThat(copyOfNoRace.getValue("goal_race_date")).isNull();
    assertThat(datesOf(token, copyOfNoRace)).containsExactly("2026-10-11");
  }

  @Test
  void aCopyTakesExactlyOneOfStartDateAndRaceDate() {
    String token = platform.newUser();
    JsonObject plan = march(token);

    assertFieldProblem(platform.trainer.post(copy(plan), token, new JsonObject()), 400, "start_date");
    assertFieldProblem(platform.trainer.post(copy(plan), token,
        new JsonObject().put("start_date", "2026-06-01").put("race_date", "2026-06-28")), 422, "race_date");
    assertThat(platform.trainer.get("/api/v1/plans", token).bodyAsJsonObject().getInteger("total")).isEqualTo(1);
  }

  @Test
  void anotherUsersPlanIsNeitherCopiedNorShifted() {
    String owner = platform.newUser();
    String stranger = platform.newUser();
    JsonObject plan = march(owner);

    assertProblem(platform.trainer.post(copy(plan), stranger, new JsonObject().put("start_date", "2026-06-01")), 404);
    assertProblem(platform.trainer.post(shift(plan), stranger, new JsonObject().put("days", 1).put("from", "2026-03-01")),
        404);

    assertThat(platform.trainer.get("/api/v1/plans", stranger).bodyAsJsonObject().getInteger("total")).isZero();
    assertThat(platform.trainer.get("/api/v1/plans", owner).bodyAsJsonObject().getInteger("total")).isEqualTo(1);
    assertThat(datesOf(owner, plan)).containsExactly("2026-03-04", "2026-03-11", "2026-03-29");
  }

  @Test
  void aCoachWhoOnlyReadsCannotCopyShiftOrMoveAndOneWhoWritesCopiesForTheAthlete() {
    Person athlete = platform.person();
    Person reader = platform.coach();
    Person writer = platform.coach();
    platform.share(athlete, reader, "read", false);
    platform.share(athlete, writer, "read_write", false);
    JsonObject plan = march(athlete.token());
    JsonObject tempo = workoutOn(athlete.token(), plan, "2026-03-04");

    assertProblem(platform.trainer.post(copy(plan), reader.token(), new JsonObject().put("start_date", "2026-06-01")), 403);
    assertProblem(platform.trainer.post(shift(plan), reader.token(),
        new JsonObject().put("days", 1).put("from", "2026-03-01")), 403);
    assertProblem(platform.trainer.post(move(tempo), reader.token(), new JsonObject().put("date", "2026-03-05")), 403);
    assertThat(datesOf(athlete.token(), plan)).containsExactly("2026-03-04", "2026-03-11", "2026-03-29");
    assertThat(read(athlete.token(), plan)).isEqualTo(plan);

    JsonObject copy = platform.create(copy(plan), writer.token(), new JsonObject().put("start_date", "2026-06-01"));
    assertThat(copy.getString("owner_id")).isEqualTo(athlete.id());
    assertThat(datesOf(athlete.token(), copy)).containsExactly("2026-06-03", "2026-06-10", "2026-06-28");
  }

  @Test
  void aShiftMovesTheWorkoutsOnAndAfterTheDateAndTheGoalRace() {
    String token = platform.newUser();
    JsonObject plan = platform.create("/api/v1/plans", token, new JsonObject().put("name", "Spring 10k")
        .put("start_date", "2026-03-02").put("end_date", "2026-04-05").put("goal_race_date", "2026-03-29"));
    platform.workout(token, plan, "tempo", "2026-03-04", 10.0);
    platform.workout(token, plan, "easy_run", "2026-03-11", 8.0);
    platform.workout(token, plan, "race", "2026-03-29", 10.0);

    var shifted = platform.trainer.post(shift(plan), token, new JsonObject().put("days", 7).put("from", "2026-03-10"));

    assertThat(shifted.statusCode()).as(shifted.bodyAsString()).isEqualTo(200);
    JsonObject answer = shifted.bodyAsJsonObject();
    assertThat(answer.getInteger("workouts_moved")).isEqualTo(2);
    assertThat(answer.getInteger("done_workouts_kept")).isZero();
    assertThat(List.of(answer.getString("start_date"), answer.getString("end_date"), answer.getString("goal_race_date")))
        .containsExactly("2026-03-02", "2026-04-05", "2026-04-05");
    assertThat(datesOf(token, plan)).containsExactly("2026-03-04", "2026-03-18", "2026-04-05");
  }

  @Test
  void aShiftPastThePlansEndIsRefusedAndChangesNothing() {
    String token = platform.newUser();
    JsonObject plan = march(token);
    JsonArray before = workoutsOf(token, plan);

    var refused = platform.trainer.post(shift(plan), token, new JsonObject().put("days", 3).put("from", "2026-03-10"));

    JsonObject problem = assertFieldProblem(refused, 422, "days");
    assertThat(problem.getString("detail")).contains("2026-04-01").contains("end_date 2026-03-29").contains("extend");
    assertThat(workoutsOf(token, plan)).isEqualTo(before);
    assertThat(read(token, plan)).isEqualTo(plan);
  }

  @Test
  void aShiftBeforeThePlansStartIsRefusedAndChangesNothing() {
    String token = platform.newUser();
    JsonObject plan = march(token);
    JsonArray before = workoutsOf(token, plan);

    var refused = platform.trainer.post(shift(plan), token, new JsonObject().put("days", -3).put("from", "2026-03-01"));

    JsonObject problem = assertFieldProblem(refused, 422, "days");
    assertThat(problem.getString("detail")).contains("2026-03-01").contains("start_date 2026-03-02");
    assertThat(workoutsOf(token, plan)).isEqualTo(before);
    assertThat(read(token, plan)).isEqualTo(plan);
  }

  @Test
  void anExtendingShiftMovesThePlansEndOrStartWithTheWorkouts() {
    String token = platform.newUser();
    JsonObject later = march(token);
    JsonObject earlier = march(token);

    JsonObject extended = platform.trainer.post(shift(later), token,
        new JsonObject().put("days", 3).put("from", "2026-03-10").put("extend", true)).bodyAsJsonObject();
    JsonObject started = platform.trainer.post(shift(earlier), token,
        new JsonObject().put("days", -3).put("from", "2026-03-01").put("extend", true)).bodyAsJsonObject();

    assertThat(List.of(extended.getString("start_date"), extended.getString("end_date"),
        extended.getString("goal_race_date"))).containsExactly("2026-03-02", "2026-04-01", "2026-04-01");
    assertThat(datesOf(token, later)).containsExactly("2026-03-04", "2026-03-14", "2026-04-01");
    assertThat(List.of(started.getString("start_date"), started.getString("end_date"),
        started.getString("goal_race_date"))).containsExactly("2026-03-01", "2026-03-29", "2026-03-26");
    assertThat(datesOf(token, earlier)).containsExactly("2026-03-01", "2026-03-08", "2026-03-26");
  }

  @Test
  void aShiftLeavesAWorkoutAlreadyDoneOnTheDayItWasDone() {
    String token = platform.newUser();
    JsonObject plan = march(token);
    JsonObject easy = workoutOn(token, plan, "2026-03-11");
    platform.run(token, easy.getString("id"), "2026-03-11", 8, 45);

    JsonObject answer = platform.trainer.post(shift(plan), token,
        new JsonObject().put("days", -2).put("from", "2026-03-05")).bodyAsJsonObject();

    assertThat(answer.getInteger("workouts_moved")).isEqualTo(1);
    assertThat(answer.getInteger("done_workouts_kept")).isEqualTo(1);
    assertThat(datesOf(token, plan)).containsExactly("2026-03-04", "2026-03-11", "2026-03-27");
    assertThat(platform.trainer.get("/api/v1/runs?workout_id=" + easy.getString("id"), token).bodyAsJsonObject()
        .getInteger("total")).isEqualTo(1);
  }

  @ParameterizedTest(name = "Strava runs shared with the coach: {0}")
  @ValueSource(booleans = {false, true})
  void aWorkoutDoneWithAStravaRunStaysWhenACoachShiftsWhetherTheCoachSeesTheRunOrNot(boolean shareStravaRuns) {
    Person athlete = platform.person();
    Person coach = platform.coach();
    platform.share(athlete, coach, "read_write", shareStravaRuns);
    JsonObject plan = march(athlete.token());
    JsonObject easy = workoutOn(athlete.token(), plan, "2026-03-11");
    platform.runImports().importRun(athlete.id(), new JsonObject().put("strava_activity_id", 4242L)
        .put("workout_id", easy.getString("id")).put("actual_date", "2026-03-11").put("distance_km", 8)
        .put("duration_minutes", 45)).await();

    JsonObject answer = platform.trainer.post(shift(plan), coach.token(),
        new JsonObject().put("days", -2).put("from", "2026-03-05")).bodyAsJsonObject();

    assertThat(answer.getInteger("done_workouts_kept")).isEqualTo(1);
    assertThat(datesOf(athlete.token(), plan)).containsExactly("2026-03-04", "2026-03-11", "2026-03-27");
    assertThat(platform.trainer.get("/api/v1/runs?workout_id=" + easy.getString("id") + "&athlete_id=" + athlete.id(),
        coach.token()).bodyAsJsonObject().getInteger("total")).isEqualTo(shareStravaRuns ? 1 : 0);
  }

  @Test
  void aShiftByNoDaysIsABadRequest() {
    String token = platform.newUser();
    JsonObject plan = march(token);

    assertFieldProblem(platform.trainer.post(shift(plan), token, new JsonObject().put("days", 0).put("from", "2026-03-10")),
        400, "days");
    assertProblem(platform.trainer.post(shift(plan), token, new JsonObject().put("days", 2)), 400);
  }

  @Test
  void aCoachWhoWritesShiftsAndMovesTheAthletesWorkouts() {
    Person athlete = platform.person();
    Person writer = platform.coach();
    platform.share(athlete, writer, "read_write", false);
    JsonObject plan = march(athlete.token());

    assertThat(platform.trainer.post(shift(plan), writer.token(),
        new JsonObject().put("days", 1).put("from", "2026-03-10").put("extend", true)).statusCode()).isEqualTo(200);
    JsonObject tempo = workoutOn(athlete.token(), plan, "2026-03-04");
    assertThat(platform.trainer.post(move(tempo), writer.token(), new JsonObject().put("date", "2026-03-05"))
        .statusCode()).isEqualTo(200);

    assertThat(datesOf(athlete.token(), plan)).containsExactly("2026-03-05", "2026-03-12", "2026-03-30");
  }

  @Test
  void aWorkoutMovesToAnotherDateOfItsPlan() {
    String token = platform.newUser();
    JsonObject plan = march(token);
    JsonObject tempo = workoutOn(token, plan, "2026-03-04");

    var moved = platform.trainer.post(move(tempo), token, new JsonObject().put("date", "2026-03-11"));

    assertThat(moved.statusCode()).as(moved.bodyAsString()).isEqualTo(200);
    assertThat(moved.bodyAsJsonObject().getJsonObject("workout").getString("scheduled_date")).isEqualTo("2026-03-11");
    assertThat(moved.bodyAsJsonObject().getJsonArray("swapped")).isEmpty();
    assertThat(datesOf(token, plan)).containsExactly("2026-03-11", "2026-03-11", "2026-03-29");
  }

  @Test
  void aSwapSendsTheWorkoutsOfTheTargetDateToTheOldOneButThoseDone() {
    String token = platform.newUser();
    JsonObject plan = march(token);
    JsonObject tempo = workoutOn(token, plan, "2026-03-04");
    JsonObject easy = workoutOn(token, plan, "2026-03-11");
    JsonObject doneThere = platform.workout(token, plan, "recovery_run", "2026-03-11", 4.0);
    platform.run(token, doneThere.getString("id"), "2026-03-11", 4, 25);

    JsonObject answer = platform.trainer.post(move(tempo), token,
        new JsonObject().put("date", "2026-03-11").put("swap", true)).bodyAsJsonObject();

    assertThat(answer.getJsonObject("workout").getString("scheduled_date")).isEqualTo("2026-03-11");
    assertThat(answer.getJsonArray("swapped")).hasSize(1);
    assertThat(answer.getJsonArray("swapped").getJsonObject(0).getString("id")).isEqualTo(easy.getString("id"));
    assertThat(answer.getJsonArray("swapped").getJsonObject(0).getString("scheduled_date")).isEqualTo("2026-03-04");
    assertThat(platform.trainer.get("/api/v1/workouts/" + doneThere.getString("id"), token).bodyAsJsonObject()
        .getString("scheduled_date")).isEqualTo("2026-03-11");
  }

  @Test
  void aMoveOutsideThePlanIsRefusedAndChangesNothing() {
    String token = platform.newUser();
    JsonObject plan = march(token);
    JsonObject tempo = workoutOn(token, plan, "2026-03-04");

    assertFieldProblem(platform.trainer.post(move(tempo), token, new JsonObject().put("date", "2026-03-30").put("swap", true)),
        422, "date");
    assertProblem(platform.trainer.post(move(tempo), token, new JsonObject().put("date", "30 March")), 400);

    assertThat(workoutsOf(token, plan).getJsonObject(0)).isEqualTo(tempo);
  }

  @Test
  void anotherUsersWorkoutIsNotMoved() {
    String owner = platform.newUser();
    String stranger = platform.newUser();
    JsonObject plan = march(owner);
    JsonObject tempo = workoutOn(owner, plan, "2026-03-04");

    assertProblem(platform.trainer.post(move(tempo), stranger, new JsonObject().put("date", "2026-03-05")), 404);

    assertThat(platform.trainer.get("/api/v1/workouts/" + tempo.getString("id"), owner).bodyAsJsonObject()).isEqualTo(tempo);
  }
}
