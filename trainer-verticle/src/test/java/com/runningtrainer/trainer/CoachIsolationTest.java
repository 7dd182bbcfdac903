package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two athletes, each coached by their own coach: a coach reaches their athlete's data and nobody else's. */
class CoachIsolationTest {

  private static TrainerPlatform platform;
  private static Person ann;
  private static Person bea;
  private static Person coachOfAnn;
  private static Person coachOfBea;
  private static JsonObject beasPlan;
  private static JsonObject beasWorkout;
  private static JsonObject beasRun;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(CoachIsolationTest.class);
    ann = platform.person();
    bea = platform.person();
    coachOfAnn = platform.coach();
    coachOfBea = platform.coach();
    platform.share(ann, coachOfAnn, "read_write", true);
    platform.share(bea, coachOfBea, "read_write", true);
    platform.plan(ann.token(), "2026-03-02", "2026-03-29");
    beasPlan = platform.plan(bea.token(), "2026-03-02", "2026-03-29");
    beasWorkout = platform.workout(bea.token(), beasPlan, "tempo", "2026-03-04", 10.0);
    beasRun = platform.run(bea.token(), beasWorkout.getString("id"), "2026-03-04", 10, 48);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void aCoachReadsTheirOwnAthletesData() {
    assertThat(platform.trainer.get("/api/v1/plans/" + beasPlan.getString("id"), coachOfBea.token()).bodyAsJsonObject())
        .isEqualTo(beasPlan);
    assertThat(platform.trainer.get("/api/v1/runs?athlete_id=" + bea.id(), coachOfBea.token()).bodyAsJsonObject()
        .getLong("total")).isEqualTo(1);
  }

  @Test
  void anotherAthletesCoachFindsNothingById() {
    String coach = coachOfAnn.token();

    assertProblem(platform.trainer.get("/api/v1/plans/" + beasPlan.getString("id"), coach), 404);
    assertProblem(platform.trainer.get("/api/v1/workouts/" + beasWorkout.getString("id"), coach), 404);
    assertProblem(platform.trainer.get("/api/v1/runs/" + beasRun.getString("id"), coach), 404);
    assertProblem(platform.trainer.get("/api/v1/analytics/plans/" + beasPlan.getString("id") + "/progress", coach), 404);
    assertProblem(platform.trainer.delete("/api/v1/workouts/" + beasWorkout.getString("id"), coach), 404);
  }

  @Test
  void anotherAthletesCoachFindsNoListOfThem() {
    String coach = coachOfAnn.token();

    for (String list : new String[] {"plans", "workouts", "runs", "analytics/summary"}) {
      assertProblem(platform.trainer.get("/api/v1/" + list + "?athlete_id=" + bea.id(), coach), 404);
    }
    assertProblem(platform.trainer.post("/api/v1/plans?athlete_id=" + bea.id(), coach, new JsonObject()
        .put("name", "Sneaked in").put("start_date", "2026-06-01").put("end_date", "2026-06-28")), 404);
  }

  @Test
  void aCoachCannotPutAWorkoutOfTheirAthleteIntoAnotherAthletesPlan() {
    var response = platform.trainer.post("/api/v1/workouts?athlete_id=" + ann.id(), coachOfAnn.token(), new JsonObject()
        .put("plan_id", beasPlan.getString("id")).put("name", "Crossed").put("workout_type", "rest")
        .put("scheduled_date", "2026-03-10"));

    assertFieldProblem(response, 422, "plan_id");
  }

  @Test
  void aCoachListsOnlyTheirOwnAthletes() {
    JsonObject page = platform.trainer.get("/api/v1/coaching/athletes", coachOfAnn.token()).bodyAsJsonObject();

    assertThat(page.getLong("total")).isEqualTo(1);
    assertThat(page.getJsonArray("items").getJsonObject(0).getString("athlete_id")).isEqualTo(ann.id());
  }

  @Test
  void aCoachsOwnListsStayTheirOwn() {
    assertThat(platform.trainer.get("/api/v1/plans", coachOfAnn.token()).bodyAsJsonObject().getLong("total")).isZero();
    assertThat(platform.trainer.get("/api/v1/runs", coachOfAnn.token()).bodyAsJsonObject().getLong("total")).isZero();
  }

  @Test
  void anAthleteReachesNothingOfTheirCoachsOtherAthlete() {
    Person cleo = platform.person();
    platform.share(cleo, coachOfBea, "read_write", true);

    assertProblem(platform.trainer.get("/api/v1/plans/" + beasPlan.getString("id"), cleo.token()), 404);
    assertProblem(platform.trainer.get("/api/v1/runs?athlete_id=" + bea.id(), cleo.token()), 404);
  }
}
