package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every workout answer says how it was done against its plan, from the runs the caller sees. */
class WorkoutComplianceTest {

  // Fourteen hours ahead of UTC and eleven behind, without summer time: their dates always differ.
  private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");
  private static final ZoneId PAGO_PAGO = ZoneId.of("Pacific/Pago_Pago");

  private static TrainerPlatform platform;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(WorkoutComplianceTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @ParameterizedTest(name = "{0} minutes run of 60 planned is {1} at {2}")
  @CsvSource({"60, green, 1.0", "40, yellow, 0.67", "20, red, 0.33", "100, red, 1.67"})
  void aWorkoutDoneIsBandedByTheRunLinkedToIt(double minutes, String status, double ratio) {
    String token = platform.newUser();
    JsonObject workout = workout(token, pastPlan(token), "tempo", "2026-03-04", 12.0, 60.0);
    platform.run(token, workout.getString("id"), "2026-03-04", 10, minutes);

    assertThat(complianceOf(token, workout)).isEqualTo(new JsonObject().put("status", status).put("ratio", ratio));
  }

  @Test
  void theRunsLinkedToAWorkoutAreSummed() {
    String token = platform.newUser();
    JsonObject workout = workout(token, pastPlan(token), "long_run", "2026-03-08", 20.0, null);
    platform.run(token, workout.getString("id"), "2026-03-08", 12, 70);
    platform.run(token, workout.getString("id"), "2026-03-08", 4, 25);

    assertThat(complianceOf(token, workout)).isEqualTo(new JsonObject().put("status", "green").put("ratio", 0.8));
  }

  @Test
  void aWorkoutWhoseDayHasPassedWithNothingDoneIsMissedFromItsCreation() {
    String token = platform.newUser();

    JsonObject created = workout(token, pastPlan(token), "easy_run", "2026-03-05", 8.0, null);

    assertThat(created.getJsonObject("compliance")).isEqualTo(new JsonObject().put("status", "missed").putNull("ratio"));
    assertThat(complianceOf(token, created).getString("status")).isEqualTo("missed");
  }

  @Test
  void aWorkoutOfTodayWithNothingDoneIsUpcoming() {
    String token = platform.newUser();
    LocalDate today = LocalDate.now(ZoneId.of("UTC"));
    JsonObject plan = platform.plan(token, today.minusDays(3).toString(), today.plusDays(3).toString());

    JsonObject created = workout(token, plan, "easy_run", today.toString(), 8.0, null);

    assertThat(created.getJsonObject("compliance")).isEqualTo(new JsonObject().put("status", "upcoming").putNull("ratio"));
  }

  @Test
  void aRestDayIsRestEvenWithARunLinkedToIt() {
    String token = platform.newUser();
    JsonObject rest = workout(token, pastPlan(token), "rest", "2026-03-06", null, null);
    platform.run(token, rest.getString("id"), "2026-03-06", 5, 30);

    assertThat(complianceOf(token, rest)).isEqualTo(new JsonObject().put("status", "rest").putNull("ratio"));
  }

  @Test
  void theListCarriesEachWorkoutsCompliance() {
    String token = platform.newUser();
    JsonObject plan = pastPlan(token);
    JsonObject done = workout(token, plan, "tempo", "2026-03-03", 10.0, 50.0);
    workout(token, plan, "easy_run", "2026-03-05", 8.0, null);
    workout(token, plan, "rest", "2026-03-06", null, null);
    platform.run(token, done.getString("id"), "2026-03-03", 10, 30);

    Map<String, String> statusByType = new HashMap<>();
    platform.trainer.get("/api/v1/workouts?plan_id=" + plan.getString("id"), token).bodyAsJsonObject()
        .getJsonArray("items").forEach(item -> statusByType.put(((JsonObject) item).getString("workout_type"),
            ((JsonObject) item).getJsonObject("compliance").getString("status")));

    assertThat(statusByType).containsExactlyInAnyOrderEntriesOf(
        Map.of("tempo", "yellow", "easy_run", "missed", "rest", "rest"));
  }

  @Test
  void anUpdateAnswersTheComplianceAgainstWhatIsNowPlanned() {
    String token = platform.newUser();
    JsonObject plan = pastPlan(token);
    JsonObject workout = workout(token, plan, "tempo", "2026-03-04", 12.0, 60.0);
    platform.run(token, workout.getString("id"), "2026-03-04", 12, 60);

    JsonObject updated = platform.trainer.put("/api/v1/workouts/" + workout.getString("id"), token,
        body(plan, "tempo", "2026-03-04", 12.0, 100.0)).bodyAsJsonObject();

    assertThat(updated.getJsonObject("compliance")).isEqualTo(new JsonObject().put("status", "yellow").put("ratio", 0.6));
  }

  /** A workout on Pago Pago's today: not over there yet, long over in Kiritimati. */
  @Test
  void whetherNothingDoneIsMissedOrUpcomingFollowsTheAthletesTimeZone() {
    LocalDate day = LocalDate.now(PAGO_PAGO);

    assertThat(complianceOfWorkoutOn(day, PAGO_PAGO).getString("status")).isEqualTo("upcoming");
    assertThat(complianceOfWorkoutOn(day, KIRITIMATI).getString("status")).isEqualTo("missed");
  }

  @Test
  void aCoachSeesAStravaRunAsDoneOnlyWithTheAthletesConsent() {
    Person athlete = platform.person();
    Person consented = platform.coach();
    Person notConsented = platform.coach();
    platform.share(athlete, consented, "read", true);
    platform.share(athlete, notConsented, "read", false);
    JsonObject workout = workout(athlete.token(), pastPlan(athlete.token()), "easy_run", "2026-03-05", 10.0, null);
    stravaRun(athlete, workout, 4242, 10);

    assertThat(complianceOf(athlete.token(), workout).getString("status")).isEqualTo("green");
    assertThat(complianceOf(consented.token(), workout).getString("status")).isEqualTo("green");
    assertThat(complianceOf(notConsented.token(), workout).getString("status")).isEqualTo("missed");
    assertThat(platform.trainer.get("/api/v1/workouts?athlete_id=" + athlete.id(), notConsented.token()).bodyAsJsonObject()
        .getJsonArray("items").getJsonObject(0).getJsonObject("compliance").getString("status")).isEqualTo("missed");
  }

  @Test
  void anotherUsersWorkoutIsNotFound() {
    String token = platform.newUser();
    JsonObject workout = workout(token, pastPlan(token), "easy_run", "2026-03-05", 8.0, null);

    assertProblem(platform.trainer.get("/api/v1/workouts/" + workout.getString("id"), platform.newUser()), 404);
  }

  private static JsonObject complianceOfWorkoutOn(LocalDate day, ZoneId zone) {
    String token = platform.newUser();
    platform.trainer.put("/api/v1/athlete", token, new JsonObject().put("timezone", zone.getId()));
    JsonObject plan = platform.plan(token, day.minusDays(3).toString(), day.plusDays(3).toString());
    return complianceOf(token, workout(token, plan, "easy_run", day.toString(), 8.0, null));
  }

  private static JsonObject pastPlan(String token) {
    return platform.plan(token, "2026-03-02", "2026-03-15");
  }

  private static JsonObject complianceOf(String token, JsonObject workout) {
    var response = platform.trainer.get("/api/v1/workouts/" + workout.getString("id"), token);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject().getJsonObject("compliance");
  }

  private static JsonObject workout(String token, JsonObject plan, String type, String date, Double km, Double minutes) {
    return platform.create("/api/v1/workouts", token, body(plan, type, date, km, minutes));
  }

  private static JsonObject body(JsonObject plan, String type, String date, Double km, Double minutes) {
    return new JsonObject().put("plan_id", plan.getString("id")).put("name", type + " on " + date)
        .put("workout_type", type).put("scheduled_date", date).put("distance_km", km).put("duration_minutes", minutes);
  }

  /** A run the strava service imports, already linked to the workout: on its day, at 6 minutes per km. */
  private static void stravaRun(Person athlete, JsonObject workout, long activityId, double km) {
    platform.runImports().importRun(athlete.id(), new JsonObject().put("strava_activity_id", activityId)
        .put("workout_id", workout.getString("id")).put("actual_date", workout.getString("scheduled_date"))
        .put("distance_km", km).put("duration_minutes", km * 6)).await();
  }
}
