package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * POST /plans/generate on a real database: the plan and its workouts as the rules lay them out,
 * with the athlete's settings; what it refuses, writing nothing; and who may generate for whom.
 */
class PlanGenerateTest {

  private static TrainerPlatform platform;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(PlanGenerateTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  /** A 5k on Sunday 17 January 2027, training from Monday 7 December 2026: six weeks, three runs a week. */
  private static JsonObject fiveK() {
    return new JsonObject().put("goal_distance", "5k").put("race_date", "2027-01-17").put("runs_per_week", 3)
        .put("current_weekly_km", 20).put("current_long_run_km", 6).put("long_run_day", "sunday")
        .put("start_date", "2026-12-07");
  }

  private static JsonArray workoutsOf(String token, String planId) {
    return platform.trainer.get("/api/v1/workouts?limit=100&plan_id=" + planId, token).bodyAsJsonObject()
        .getJsonArray("items");
  }

  private static int plansOf(String token) {
    return platform.trainer.get("/api/v1/plans", token).bodyAsJsonObject().getInteger("total");
  }

  @Test
  void aGeneratedPlanIsWrittenWithItsWorkoutsOnTheDaysTheRulesGive() {
    String token = platform.newUser();
    platform.trainer.put("/api/v1/athlete", token, new JsonObject().put("threshold_pace", 5.0));

    var generated = platform.trainer.post("/api/v1/plans/generate", token, fiveK());

    assertThat(generated.statusCode()).as(generated.bodyAsString()).isEqualTo(201);
    JsonObject plan = generated.bodyAsJsonObject();
    assertThat(generated.getHeader("Location")).isEqualTo("/api/v1/plans/" + plan.getString("id"));
    assertThat(List.of(plan.getString("name"), plan.getString("start_date"), plan.getString("end_date"),
        plan.getString("goal_race_date"))).containsExactly("5 km on 2027-01-17", "2026-12-07", "2027-01-17", "2027-01-17");
    assertThat(plan.getJsonArray("weeks")).hasSize(6);
    assertThat(plan.getJsonArray("weeks").getJsonObject(3).getMap())
        .containsEntry("week_start", "2026-12-28").containsEntry("phase", "peak").containsEntry("cut_back", true)
        .containsEntry("distance_km", 19.3);
    JsonArray workouts = workoutsOf(token, plan.getString("id"));
    assertThat(workouts).hasSize(plan.getInteger("workouts_created")).hasSize(17);
    assertThat(workouts.stream().limit(3).map(w -> summary((JsonObject) w)))
        .containsExactly("2026-12-09 hill_repeats 5.0", "2026-12-11 easy_run 8.4", "2026-12-13 long_run 6.6");
    assertThat(summary(workouts.getJsonObject(16))).isEqualTo("2027-01-17 race 5.0");
    assertThat(workouts.getJsonObject(1).getString("description")).isEqualTo("8.4 km at 6:00–6:30/km.");
  }

  @Test
  void withoutAThresholdPaceThePacesComeFromTheRecentEffortOfThePredictions() {
    String token = platform.newUser();
    String fiveDaysAgo = LocalDate.now(ZoneOffset.UTC).minusDays(5).toString();
    platform.run(token, null, fiveDaysAgo, 10, 50);
    // The threshold pace the analytics estimate from that run, which the plan's easy days are 20-30 % slower than.
    double threshold = platform.trainer.get("/api/v1/analytics/load", token).bodyAsJsonObject().getDouble("threshold_pace");

    JsonObject plan = platform.trainer.post("/api/v1/plans/generate", token, fiveK()).bodyAsJsonObject();

    assertThat(workoutsOf(token, plan.getString("id")).getJsonObject(1).getString("description"))
        .isEqualTo("8.4 km at " + watch(threshold * 1.20) + "–" + watch(threshold * 1.30) + "/km.");
  }

  private static String watch(double minutesPerKm) {
    long seconds = Math.round(minutesPerKm * 60);
    return seconds / 60 + ":" + String.format("%02d", seconds % 60);
  }

  @Test
  void withoutAThresholdPaceNorARecentEffortThePacesAreEfforts() {
    String token = platform.newUser();

    JsonObject plan = platform.trainer.post("/api/v1/plans/generate", token, fiveK()).bodyAsJsonObject();

    assertThat(workoutsOf(token, plan.getString("id")).getJsonObject(1).getString("description"))
        .isEqualTo("8.4 km at an easy, conversational effort.");
  }

  private static String summary(JsonObject workout) {
    return workout.getString("scheduled_date") + " " + workout.getString("workout_type") + " "
        + workout.getDouble("distance_km");
  }

  @Test
  void withoutAStartDateThePlanStartsOnTheAthletesNextWeekStart() {
    String token = platform.newUser();
    platform.trainer.put("/api/v1/athlete", token, new JsonObject().put("week_start", "sunday"));
    LocalDate race = LocalDate.now(ZoneOffset.UTC).plusWeeks(20);

    JsonObject body = fiveK().put("race_date", race.toString());
    body.remove("start_date");

    JsonObject plan = platform.create("/api/v1/plans/generate", token, body);

    LocalDate start = LocalDate.parse(plan.getString("start_date"));
    assertThat(start.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(start).isAfter(LocalDate.now(ZoneOffset.UTC).minusDays(1)).isBefore(LocalDate.now(ZoneOffset.UTC).plusDays(9));
  }

  @Test
  void aRaceTooSoonIsRefusedSayingWhenAndWritesNothing() {
    String token = platform.newUser();

    var refused = platform.trainer.post("/api/v1/plans/generate", token, fiveK().put("race_date", "2026-12-27"));

    JsonObject problem = assertFieldProblem(refused, 422, "race_date");
    assertThat(problem.getString("detail")).contains("at least 6 weeks").contains("on or after 2027-01-11");
    assertThat(plansOf(token)).isZero();
  }

  @Test
  void aVolumeTooLowOrTooHighForTheGoalIsRefusedSayingWhatIsNeeded() {
    String token = platform.newUser();

    JsonObject low = assertFieldProblem(platform.trainer.post("/api/v1/plans/generate", token,
        fiveK().put("goal_distance", "marathon").put("race_date", "2027-06-06")), 422, "current_weekly_km");
    JsonObject high = assertFieldProblem(platform.trainer.post("/api/v1/plans/generate", token,
        fiveK().put("current_weekly_km", 50)), 422, "current_weekly_km");

    assertThat(low.getString("detail")).contains("at least 30 km");
    assertThat(high.getString("detail")).contains("at most 42 km").contains("more runs a week");
    assertThat(plansOf(token)).isZero();
  }

  @Test
  void aBodyOutsideTheContractIsABadRequest() {
    String token = platform.newUser();

    assertProblem(platform.trainer.post("/api/v1/plans/generate", token, fiveK().put("runs_per_week", 7)), 400);
    assertProblem(platform.trainer.post("/api/v1/plans/generate", token, fiveK().put("goal_distance", "ultra")), 400);
    assertProblem(platform.trainer.post("/api/v1/plans/generate", token, fiveK().put("long_run_day", "someday")), 400);
    assertProblem(platform.trainer.post("/api/v1/plans/generate", token, fiveK().put("current_weekly_km", 0)), 400);

    assertThat(plansOf(token)).isZero();
  }

  @Test
  void aCoachGeneratesForTheAthleteOnlyWithReadWrite() {
    Person athlete = platform.person();
    Person reader = platform.coach();
    Person writer = platform.coach();
    Person stranger = platform.coach();
    platform.share(athlete, reader, "read", false);
    platform.share(athlete, writer, "read_write", false);
    String forAthlete = "/api/v1/plans/generate?athlete_id=" + athlete.id();

    assertProblem(platform.trainer.post(forAthlete, reader.token(), fiveK()), 403);
    assertProblem(platform.trainer.post(forAthlete, stranger.token(), fiveK()), 404);
    assertThat(plansOf(athlete.token())).isZero();

    JsonObject plan = platform.create(forAthlete, writer.token(), fiveK());
    assertThat(plan.getString("owner_id")).isEqualTo(athlete.id());
    assertThat(workoutsOf(athlete.token(), plan.getString("id"))).hasSize(17);
    assertThat(plansOf(writer.token())).isZero();
  }

  @Test
  void aCoachsPlanFollowsTheAthletesWeekStartAndThresholdPace() {
    Person athlete = platform.person();
    Person writer = platform.coach();
    platform.share(athlete, writer, "read_write", false);
    platform.trainer.put("/api/v1/athlete", athlete.token(),
        new JsonObject().put("threshold_pace", 5.0).put("week_start", "sunday"));

    JsonObject plan = platform.create("/api/v1/plans/generate?athlete_id=" + athlete.id(), writer.token(),
        fiveK().put("start_date", "2026-12-06"));

    assertThat(plan.getJsonArray("weeks").getJsonObject(0).getString("week_start")).isEqualTo("2026-12-06");
    assertThat(plan.getJsonArray("weeks")).hasSize(7);
    JsonArray workouts = workoutsOf(athlete.token(), plan.getString("id"));
    assertThat(summary(workouts.getJsonObject(0))).isEqualTo("2026-12-06 long_run 6.6");
    assertThat(workouts.getJsonObject(2).getString("description")).isEqualTo("8.4 km at 6:00–6:30/km.");
  }
}
