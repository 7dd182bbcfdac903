package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Summary and plan progress against figures worked out by hand. */
class AnalyticsTest {

  private static TrainerPlatform platform;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(AnalyticsTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  /**
   * Two ISO weeks of March 2026: Monday 2nd easy 10 km in 50 min (planned), Wednesday 4th
   * 5 km in 30 min (unplanned), Tuesday 10th long 21.1 km in 120 min (planned).
   */
  private static String runnerOfTwoWeeks() {
    String token = platform.newUser();
    JsonObject plan = platform.plan(token, "2026-03-02", "2026-03-15");
    JsonObject easy = platform.workout(token, plan, "easy_run", "2026-03-02", 10.0);
    JsonObject longRun = platform.workout(token, plan, "long_run", "2026-03-10", 21.0);
    platform.run(token, easy.getString("id"), "2026-03-02", 10, 50);
    platform.run(token, null, "2026-03-04", 5, 30);
    platform.run(token, longRun.getString("id"), "2026-03-10", 21.1, 120);
    return token;
  }

  @Test
  void summarisesEveryRun() {
    JsonObject summary = platform.trainer.get("/api/v1/analytics/summary", runnerOfTwoWeeks()).bodyAsJsonObject();

    assertThat(summary.getLong("total_runs")).isEqualTo(3);
    assertThat(summary.getDouble("total_distance_km")).isEqualTo(36.1);
    assertThat(summary.getDouble("total_duration_minutes")).isEqualTo(200.0);
    assertThat(summary.getDouble("average_pace")).isEqualTo(5.54); // 200 / 36.1 = 5.5401
    assertThat(summary.getDouble("longest_run_km")).isEqualTo(21.1);
  }

  @Test
  void summarisesByIsoWeekStartingMonday() {
    JsonArray weekly = platform.trainer.get("/api/v1/analytics/summary", runnerOfTwoWeeks()).bodyAsJsonObject()
        .getJsonArray("weekly");

    assertThat(weekly).containsExactly(
        new JsonObject().put("runs", 2).put("distance_km", 15.0).put("duration_minutes", 80.0).put("week_start", "2026-03-02"),
        new JsonObject().put("runs", 1).put("distance_km", 21.1).put("duration_minutes", 120.0).put("week_start", "2026-03-09"));
  }

  @Test
  void summarisesByTheAthletesWeeksWhenTheyStartOnSunday() {
    String token = runnerOfTwoWeeks();
    platform.trainer.put("/api/v1/athlete", token, new JsonObject().put("week_start", "sunday"));

    JsonArray weekly = platform.trainer.get("/api/v1/analytics/summary", token).bodyAsJsonObject().getJsonArray("weekly");

    // Monday 2nd and Wednesday 4th fall in the week of Sunday 1st; Tuesday 10th in that of Sunday 8th.
    assertThat(weekly).extracting(week -> ((JsonObject) week).getString("week_start"))
        .containsExactly("2026-03-01", "2026-03-08");
  }

  @Test
  void summarisesByWorkoutTypeWithUnplannedRunsApart() {
    JsonArray byType = platform.trainer.get("/api/v1/analytics/summary", runnerOfTwoWeeks()).bodyAsJsonObject()
        .getJsonArray("by_workout_type");

    Map<String, Double> distanceByType = new LinkedHashMap<>();
    byType.forEach(t -> distanceByType.put(((JsonObject) t).getString("workout_type"), ((JsonObject) t).getDouble("distance_km")));
    assertThat(distanceByType).containsExactly(Map.entry("easy_run", 10.0), Map.entry("long_run", 21.1),
        Map.entry("unplanned", 5.0));
  }

  @Test
  void summarisesOnlyTheDatesAsked() {
    JsonObject summary = platform.trainer.get("/api/v1/analytics/summary?from=2026-03-03&to=2026-03-09", runnerOfTwoWeeks())
        .bodyAsJsonObject();

    assertThat(summary.getLong("total_runs")).isEqualTo(1);
    assertThat(summary.getDouble("average_pace")).isEqualTo(6.0);
    assertThat(summary.getString("from")).isEqualTo("2026-03-03");
  }

  @Test
  void summarisesNothingAsZeros() {
    JsonObject summary = platform.trainer.get("/api/v1/analytics/summary", platform.newUser()).bodyAsJsonObject();

    assertThat(summary.getLong("total_runs")).isZero();
    assertThat(summary.getDouble("total_distance_km")).isZero();
    assertThat(summary.getValue("average_pace")).isNull();
    assertThat(summary.getValue("longest_run_km")).isNull();
    assertThat(summary.getJsonArray("weekly")).isEmpty();
  }

  @Test
  void refusesARangeEndingBeforeItStarts() {
    assertFieldProblem(platform.trainer.get("/api/v1/analytics/summary?from=2026-03-10&to=2026-03-01", platform.newUser()),
        422, "to");
  }

  /**
   * A plan around today: done 10 days ago (8 km planned, 8.5 run), missed 5 days ago (10 km),
   * a rest day 2 days ago (never counted), upcoming in 3 days (20 km), and one in 10 days
   * already done today (12 km planned, 11.5 run).
   */
  @Test
  void followsProgressThroughAPlanAsOfToday() {
    String token = platform.newUser();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    JsonObject plan = platform.plan(token, today.minusDays(14).toString(), today.plusDays(14).toString());
    JsonObject done = platform.workout(token, plan, "easy_run", today.minusDays(10).toString(), 8.0);
    platform.workout(token, plan, "tempo", today.minusDays(5).toString(), 10.0);
    platform.workout(token, plan, "rest", today.minusDays(2).toString(), null);
    platform.workout(token, plan, "long_run", today.plusDays(3).toString(), 20.0);
    JsonObject early = platform.workout(token, plan, "intervals", today.plusDays(10).toString(), 12.0);
    platform.run(token, done.getString("id"), today.minusDays(10).toString(), 8.5, 45);
    platform.run(token, early.getString("id"), today.toString(), 11.5, 55);

    JsonObject progress = platform.trainer.get("/api/v1/analytics/plans/" + plan.getString("id") + "/progress", token)
        .bodyAsJsonObject();

    assertThat(progress.getString("as_of")).isEqualTo(today.toString());
    assertThat(progress.getLong("total_workouts")).isEqualTo(4);
    assertThat(progress.getLong("completed_workouts")).isEqualTo(2);
    assertThat(progress.getLong("missed_workouts")).isEqualTo(1);
    assertThat(progress.getLong("upcoming_workouts")).isEqualTo(1);
    assertThat(progress.getDouble("completion_rate")).isEqualTo(0.6667);
    assertThat(progress.getDouble("planned_distance_km")).isEqualTo(50.0);
    assertThat(progress.getDouble("actual_distance_km")).isEqualTo(20.0);
    assertThat(plannedKmByWeek(progress)).isEqualTo(expectedPlannedKmByWeek(today));
  }

  @Test
  void reportsAPlanWithoutWorkoutsAsNothingDue() {
    String token = platform.newUser();
    JsonObject plan = platform.plan(token, "2026-03-02", "2026-03-29");

    JsonObject progress = platform.trainer.get("/api/v1/analytics/plans/" + plan.getString("id") + "/progress", token)
        .bodyAsJsonObject();

    assertThat(progress.getLong("total_workouts")).isZero();
    assertThat(progress.getDouble("completion_rate")).isZero();
    assertThat(progress.getJsonArray("weekly")).isEmpty();
  }

  private static Map<String, Double> plannedKmByWeek(JsonObject progress) {
    Map<String, Double> weeks = new TreeMap<>();
    progress.getJsonArray("weekly").forEach(w -> weeks.put(((JsonObject) w).getString("week_start"),
        ((JsonObject) w).getDouble("planned_distance_km")));
    return weeks;
  }

  private static Map<String, Double> expectedPlannedKmByWeek(LocalDate today) {
    Map<String, Double> weeks = new TreeMap<>();
    Map.of(-10, 8.0, -5, 10.0, 3, 20.0, 10, 12.0).forEach((days, km) ->
        weeks.merge(today.plusDays(days).with(DayOfWeek.MONDAY).toString(), km, Double::sum));
    return weeks;
  }
}
