package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A plan's progress by compliance status, in the athlete's weeks and as of their today. */
class PlanProgressTest {

  private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");
  private static final ZoneId PAGO_PAGO = ZoneId.of("Pacific/Pago_Pago");

  private static TrainerPlatform platform;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(PlanProgressTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  /**
   * Two past weeks from Monday 2 March 2026. Week one: 60 of 60 minutes (green), 30 of 50
   * (yellow, 0.60), 4 of 10 km (red, 0.40), 8 km not run (missed), a rest day, and a 5 km run
   * linked to nothing. Week two: 21 of 20 km (green, 1.05), 70 of 40 minutes (red, 1.75), 6 km
   * not run (missed), and 4 km and 3 km runs linked to nothing. Runs just outside the plan's dates
   * and another plan's workout in them count nowhere.
   */
  private static Fixture twoWeeksOfEveryStatus() {
    String token = platform.newUser();
    JsonObject plan = platform.plan(token, "2026-03-02", "2026-03-15");
    run(token, workout(token, plan, "easy_run", "2026-03-02", 10.0, 60.0), "2026-03-02", 10, 60);
    run(token, workout(token, plan, "tempo", "2026-03-03", 10.0, 50.0), "2026-03-03", 6, 30);
    run(token, workout(token, plan, "intervals", "2026-03-04", 10.0, null), "2026-03-04", 4, 20);
    workout(token, plan, "easy_run", "2026-03-05", 8.0, null);
    workout(token, plan, "rest", "2026-03-06", null, null);
    platform.run(token, null, "2026-03-07", 5, 30);
    run(token, workout(token, plan, "long_run", "2026-03-10", 20.0, null), "2026-03-10", 21, 120);
    run(token, workout(token, plan, "tempo", "2026-03-12", 8.0, 40.0), "2026-03-12", 14, 70);
    workout(token, plan, "easy_run", "2026-03-14", 6.0, null);
    platform.run(token, null, "2026-03-13", 4, 24);
    platform.run(token, null, "2026-03-15", 3, 18);
    platform.run(token, null, "2026-03-01", 10, 60);
    platform.run(token, null, "2026-03-16", 10, 60);
    JsonObject other = platform.plan(token, "2026-03-01", "2026-03-31");
    run(token, workout(token, other, "easy_run", "2026-03-11", 7.0, null), "2026-03-11", 7, 42);
    return new Fixture(token, plan);
  }

  record Fixture(String token, JsonObject plan) {
  }

  @Test
  void countsEveryWorkoutByItsComplianceStatus() {
    Fixture given = twoWeeksOfEveryStatus();

    JsonObject progress = progress(given.token(), given.plan());

    assertThat(progress.getJsonObject("by_status")).isEqualTo(statuses(2, 1, 2, 2, 0, 1));
    assertThat(progress.getLong("total_workouts")).isEqualTo(7);
    assertThat(progress.getLong("completed_workouts")).isEqualTo(5);
    assertThat(progress.getLong("missed_workouts")).isEqualTo(2);
    assertThat(progress.getDouble("completion_rate")).isEqualTo(0.7143);
    assertThat(progress.getDouble("planned_distance_km")).isEqualTo(72.0);
    assertThat(progress.getDouble("actual_distance_km")).isEqualTo(55.0);
  }

  @Test
  void countsEachWeekByComplianceStatus() {
    Fixture given = twoWeeksOfEveryStatus();

    Map<String, JsonObject> weeks = weeks(progress(given.token(), given.plan()));

    assertThat(weeks).containsOnlyKeys("2026-03-02", "2026-03-09");
    assertThat(weeks.get("2026-03-02").getJsonObject("by_status")).isEqualTo(statuses(1, 1, 1, 1, 0, 1));
    assertThat(weeks.get("2026-03-09").getJsonObject("by_status")).isEqualTo(statuses(1, 0, 1, 1, 0, 0));
    assertThat(weeks.get("2026-03-02").getDouble("actual_distance_km")).isEqualTo(20.0);
    assertThat(weeks.get("2026-03-09").getDouble("planned_distance_km")).isEqualTo(34.0);
  }

  @Test
  void countsRunsWithinThePlanLinkedToNoWorkoutApart() {
    Fixture given = twoWeeksOfEveryStatus();

    JsonObject progress = progress(given.token(), given.plan());

    assertThat(progress.getLong("unplanned_runs")).isEqualTo(3);
    assertThat(progress.getDouble("unplanned_distance_km")).isEqualTo(12.0);
    Map<String, JsonObject> weeks = weeks(progress);
    assertThat(weeks.get("2026-03-02").getLong("unplanned_runs")).isEqualTo(1);
    assertThat(weeks.get("2026-03-02").getDouble("unplanned_distance_km")).isEqualTo(5.0);
    assertThat(weeks.get("2026-03-09").getLong("unplanned_runs")).isEqualTo(2);
    assertThat(weeks.get("2026-03-09").getDouble("unplanned_distance_km")).isEqualTo(7.0);
  }

  /**
   * Sunday 1 March to Saturday 21 March 2026: Sunday 1st and Saturday 7th fall in one week of an
   * athlete whose weeks start on Sunday (in two ISO weeks), Sunday 8th and a run on Saturday 14th in
   * the next.
   */
  @Test
  void weeksStartOnTheAthletesFirstDayOfTheWeek() {
    String token = platform.newUser();
    settings(token, new JsonObject().put("week_start", "sunday"));
    JsonObject plan = platform.plan(token, "2026-03-01", "2026-03-21");
    workout(token, plan, "easy_run", "2026-03-01", 5.0, null);
    workout(token, plan, "tempo", "2026-03-07", 8.0, null);
    workout(token, plan, "long_run", "2026-03-08", 15.0, null);
    platform.run(token, null, "2026-03-14", 6, 36);

    Map<String, JsonObject> weeks = weeks(progress(token, plan));

    assertThat(weeks).containsOnlyKeys("2026-03-01", "2026-03-08");
    assertThat(weeks.get("2026-03-01").getDouble("planned_distance_km")).isEqualTo(13.0);
    assertThat(weeks.get("2026-03-08").getDouble("planned_distance_km")).isEqualTo(15.0);
    assertThat(weeks.get("2026-03-08").getLong("unplanned_runs")).isEqualTo(1);
  }

  /** Pago Pago's today is over in Kiritimati, a day or two ahead whatever the hour. */
  @Test
  void todayIsTheAthletesInTheirTimeZone() {
    LocalDate day = LocalDate.now(PAGO_PAGO);

    JsonObject behind = progressOfAWorkoutOn(day, PAGO_PAGO);
    JsonObject ahead = progressOfAWorkoutOn(day, KIRITIMATI);

    assertThat(behind.getString("as_of")).isEqualTo(day.toString());
    assertThat(behind.getJsonObject("by_status").getLong("upcoming")).isEqualTo(1);
    assertThat(ahead.getString("as_of")).isEqualTo(LocalDate.now(KIRITIMATI).toString());
    assertThat(ahead.getJsonObject("by_status").getLong("missed")).isEqualTo(1);
  }

  @Test
  void aCoachCountsStravaRunsOnlyWithTheAthletesConsent() {
    Person athlete = platform.person();
    Person consented = platform.coach();
    Person notConsented = platform.coach();
    platform.share(athlete, consented, "read", true);
    platform.share(athlete, notConsented, "read", false);
    JsonObject plan = platform.plan(athlete.token(), "2026-03-02", "2026-03-08");
    JsonObject workout = workout(athlete.token(), plan, "easy_run", "2026-03-03", 10.0, null);
    stravaRun(athlete, 7001, workout.getString("id"), "2026-03-03", 10);
    stravaRun(athlete, 7002, null, "2026-03-04", 5);
    platform.run(athlete.token(), null, "2026-03-05", 3, 18);

    JsonObject withConsent = progress(consented.token(), plan);
    JsonObject withoutConsent = progress(notConsented.token(), plan);

    assertThat(withConsent.getJsonObject("by_status").getLong("green")).isEqualTo(1);
    assertThat(withConsent.getLong("unplanned_runs")).isEqualTo(2);
    assertThat(withConsent.getDouble("unplanned_distance_km")).isEqualTo(8.0);
    assertThat(withoutConsent.getJsonObject("by_status").getLong("missed")).isEqualTo(1);
    assertThat(withoutConsent.getDouble("actual_distance_km")).isZero();
    assertThat(withoutConsent.getLong("unplanned_runs")).isEqualTo(1);
    assertThat(withoutConsent.getDouble("unplanned_distance_km")).isEqualTo(3.0);
    assertThat(progress(athlete.token(), plan)).isEqualTo(withConsent);
  }

  /**
   * Ratios at the edges of the bands, rounded to two decimals half up: 79.5 and 120.4 of 100 minutes
   * are 0.80 and 1.20 (green), 120.5 and 49.5 are 1.21 and 0.50 (yellow), 150.5 and 49.4 are 1.51 and
   * 0.49 (red); 7.95 of 10 km with no duration planned is 0.80 (green), and so are 40 and 39.5
   * minutes run for one workout of 100; a fartlek with nothing measurable planned, done, is green.
   */
  @Test
  void eachWorkoutCountsUnderTheStatusItsComplianceShows() {
    String token = platform.newUser();
    JsonObject plan = platform.plan(token, "2026-03-02", "2026-03-15");
    run(token, workout(token, plan, "tempo", "2026-03-02", 12.0, 100.0), "2026-03-02", 12, 79.5);
    run(token, workout(token, plan, "tempo", "2026-03-03", 12.0, 100.0), "2026-03-03", 12, 120.4);
    run(token, workout(token, plan, "tempo", "2026-03-04", 12.0, 100.0), "2026-03-04", 12, 120.5);
    run(token, workout(token, plan, "tempo", "2026-03-05", 12.0, 100.0), "2026-03-05", 12, 49.5);
    run(token, workout(token, plan, "tempo", "2026-03-06", 12.0, 100.0), "2026-03-06", 12, 150.5);
    run(token, workout(token, plan, "tempo", "2026-03-07", 12.0, 100.0), "2026-03-07", 12, 49.4);
    run(token, workout(token, plan, "easy_run", "2026-03-09", 10.0, null), "2026-03-09", 7.95, 999);
    JsonObject twoRuns = workout(token, plan, "long_run", "2026-03-10", 20.0, 100.0);
    run(token, twoRuns, "2026-03-10", 8, 40);
    run(token, twoRuns, "2026-03-10", 8, 39.5);
    run(token, workout(token, plan, "fartlek", "2026-03-11", null, null), "2026-03-11", 6, 30);

    JsonObject progress = progress(token, plan);

    assertThat(progress.getJsonObject("by_status")).isEqualTo(statuses(5, 2, 2, 0, 0, 0));
    assertThat(progress.getJsonObject("by_status")).isEqualTo(compliancesOfTheWorkouts(token, plan));
    assertThat(progress.getLong("completed_workouts")).isEqualTo(9);
    assertThat(progress.getDouble("actual_distance_km")).isEqualTo(101.95);
  }

  @Test
  void aPlanWithoutWorkoutsCountsZeros() {
    String token = platform.newUser();
    JsonObject plan = platform.plan(token, "2026-03-02", "2026-03-08");

    JsonObject progress = progress(token, plan);

    assertThat(progress.getLong("total_workouts")).isZero();
    assertThat(progress.getDouble("planned_distance_km")).isZero();
    assertThat(progress.getJsonObject("by_status")).isEqualTo(statuses(0, 0, 0, 0, 0, 0));
    assertThat(progress.getJsonArray("weekly")).isEmpty();
  }

  @Test
  void anotherUsersPlanIsNotFound() {
    Fixture given = twoWeeksOfEveryStatus();

    assertProblem(platform.trainer.get(path(given.plan()), platform.newUser()), 404);
  }

  @Test
  void anotherUsersRunsNeverCount() {
    String token = platform.newUser();
    JsonObject plan = platform.plan(token, "2026-03-02", "2026-03-08");
    workout(token, plan, "easy_run", "2026-03-03", 10.0, null);
    String stranger = platform.newUser();
    platform.run(stranger, null, "2026-03-03", 10, 60);

    JsonObject progress = progress(token, plan);

    assertThat(progress.getLong("unplanned_runs")).isZero();
    assertThat(progress.getJsonObject("by_status").getLong("missed")).isEqualTo(1);
  }

  private static JsonObject progressOfAWorkoutOn(LocalDate day, ZoneId zone) {
    String token = platform.newUser();
    settings(token, new JsonObject().put("timezone", zone.getId()));
    JsonObject plan = platform.plan(token, day.minusDays(3).toString(), day.plusDays(3).toString());
    workout(token, plan, "easy_run", day.toString(), 8.0, null);
    return progress(token, plan);
  }

  private static JsonObject statuses(int green, int yellow, int red, int missed, int upcoming, int rest) {
    return new JsonObject().put("green", green).put("yellow", yellow).put("red", red).put("missed", missed)
        .put("upcoming", upcoming).put("rest", rest);
  }

  /** The plan's workouts counted by the status of the compliance each shows when read. */
  private static JsonObject compliancesOfTheWorkouts(String token, JsonObject plan) {
    JsonObject counts = statuses(0, 0, 0, 0, 0, 0);
    platform.trainer.get("/api/v1/workouts?limit=100&plan_id=" + plan.getString("id"), token).bodyAsJsonObject()
        .getJsonArray("items").forEach(item -> {
          String status = ((JsonObject) item).getJsonObject("compliance").getString("status");
          counts.put(status, counts.getInteger(status) + 1);
        });
    return counts;
  }

  private static Map<String, JsonObject> weeks(JsonObject progress) {
    Map<String, JsonObject> weeks = new TreeMap<>();
    JsonArray weekly = progress.getJsonArray("weekly");
    weekly.forEach(week -> weeks.put(((JsonObject) week).getString("week_start"), (JsonObject) week));
    return weeks;
  }

  private static JsonObject progress(String token, JsonObject plan) {
    var response = platform.trainer.get(path(plan), token);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static String path(JsonObject plan) {
    return "/api/v1/analytics/plans/" + plan.getString("id") + "/progress";
  }

  private static void settings(String token, JsonObject settings) {
    assertThat(platform.trainer.put("/api/v1/athlete", token, settings).statusCode()).isEqualTo(200);
  }

  private static JsonObject workout(String token, JsonObject plan, String type, String date, Double km, Double minutes) {
    return platform.create("/api/v1/workouts", token, new JsonObject().put("plan_id", plan.getString("id"))
        .put("name", type + " on " + date).put("workout_type", type).put("scheduled_date", date)
        .put("distance_km", km).put("duration_minutes", minutes));
  }

  private static void run(String token, JsonObject workout, String date, double km, double minutes) {
    platform.run(token, workout.getString("id"), date, km, minutes);
  }

  private static void stravaRun(Person athlete, long activityId, String workoutId, String date, double km) {
    platform.runImports().importRun(athlete.id(), new JsonObject().put("strava_activity_id", activityId)
        .put("workout_id", workoutId).put("actual_date", date).put("distance_km", km)
        .put("duration_minutes", km * 6)).await();
  }
}
