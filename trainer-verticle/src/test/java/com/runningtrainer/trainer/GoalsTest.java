package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Weekly and monthly goals against what was done, and weekly streaks. The periods are the
 * current ones and those before, so dates are counted back from today; every run of the current
 * week or month is on its first day, which has always come.
 */
class GoalsTest {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");

  private static TrainerPlatform platform;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(GoalsTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  /** The Monday of the week {@code back} weeks before this one, in UTC. */
  private static LocalDate monday(int back) {
    return LocalDate.now(UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(back);
  }

  /**
   * Goals of 20 km, 120 minutes and 3 runs a week. Last week: 8 km in 50 min, 7 in 40, 6 in 35 =
   * 21 km (1.05), 125 min (1.04), 3 runs (1.00): met. The week before: 10 km in 60 and 5 in 30 =
   * 15 km (0.75), 90 min (0.75), 2 runs (0.67): not met.
   */
  @Test
  void measuresEachWeekAgainstEveryWeeklyGoal() {
    String token = platform.newUser();
    settings(token, new JsonObject().put("weekly_distance_goal_km", 20).put("weekly_duration_goal_minutes", 120)
        .put("weekly_runs_goal", 3));
    run(token, monday(1), 8, 50);
    run(token, monday(1).plusDays(2), 7, 40);
    run(token, monday(1).plusDays(6), 6, 35);
    run(token, monday(2).plusDays(1), 10, 60);
    run(token, monday(2).plusDays(5), 5, 30);

    JsonObject weekly = goals(token, "?weeks=2").getJsonObject("weekly");

    assertThat(weekly.getJsonObject("goals")).isEqualTo(new JsonObject().put("distance_km", 20.0)
        .put("duration_minutes", 120.0).put("runs", 3));
    JsonArray periods = weekly.getJsonArray("periods");
    assertThat(periods).hasSize(3);
    assertThat(periods.getJsonObject(0).getString("start")).isEqualTo(monday(0).toString());
    assertThat(periods.getJsonObject(0).getBoolean("current")).isTrue();
    assertThat(periods.getJsonObject(1)).isEqualTo(new JsonObject()
        .put("start", monday(1).toString()).put("end", monday(1).plusDays(6).toString()).put("current", false)
        .put("done", new JsonObject().put("distance_km", 21.0).put("duration_minutes", 125.0).put("runs", 3))
        .put("progress", new JsonObject().put("distance_km", progress(1.05, true))
            .put("duration_minutes", progress(1.04, true)).put("runs", progress(1.0, true)))
        .put("met", true));
    assertThat(periods.getJsonObject(2).getJsonObject("progress")).isEqualTo(new JsonObject()
        .put("distance_km", progress(0.75, false)).put("duration_minutes", progress(0.75, false))
        .put("runs", progress(0.67, false)));
    assertThat(periods.getJsonObject(2).getBoolean("met")).isFalse();
  }

  /**
   * A goal of 100 km a month: 60 km on the first day of last month and 45 on its last = 105
   * (1.05), met; 10 km on the first of this month (0.10). Unset goals are not measured.
   */
  @Test
  void measuresCalendarMonthsAgainstTheMonthlyGoals() {
    String token = platform.newUser();
    settings(token, new JsonObject().put("monthly_distance_goal_km", 100));
    LocalDate thisMonth = LocalDate.now(UTC).withDayOfMonth(1);
    run(token, thisMonth.minusMonths(1), 60, 330);
    run(token, thisMonth.minusDays(1), 45, 250);
    run(token, thisMonth, 10, 55);

    JsonArray periods = goals(token, "?months=1").getJsonObject("monthly").getJsonArray("periods");

    assertThat(periods).hasSize(2);
    JsonObject current = periods.getJsonObject(0);
    assertThat(current.getString("start")).isEqualTo(thisMonth.toString());
    assertThat(current.getString("end")).isEqualTo(thisMonth.plusMonths(1).minusDays(1).toString());
    assertThat(current.getJsonObject("progress").getJsonObject("distance_km")).isEqualTo(progress(0.1, false));
    JsonObject last = periods.getJsonObject(1);
    assertThat(last.getString("start")).isEqualTo(thisMonth.minusMonths(1).toString());
    assertThat(last.getString("end")).isEqualTo(thisMonth.minusDays(1).toString());
    assertThat(last.getJsonObject("done").getDouble("distance_km")).isEqualTo(105.0);
    assertThat(last.getJsonObject("progress")).isEqualTo(new JsonObject().put("distance_km", progress(1.05, true))
        .putNull("duration_minutes").putNull("runs"));
    assertThat(last.getBoolean("met")).isTrue();
  }

  @Test
  void withoutGoalsSaysSoAndInventsNoStreak() {
    String token = platform.newUser();
    run(token, monday(1), 10, 60);

    JsonObject goals = goals(token, "");

    assertThat(goals.getJsonObject("weekly").getValue("goals")).isNull();
    assertThat(goals.getJsonObject("weekly").getValue("streak")).isNull();
    assertThat(goals.getJsonObject("monthly").getValue("goals")).isNull();
    JsonObject lastWeek = goals.getJsonObject("weekly").getJsonArray("periods").getJsonObject(1);
    assertThat(lastWeek.getJsonObject("done").getDouble("distance_km")).isEqualTo(10.0);
    assertThat(lastWeek.getValue("progress")).isNull();
    assertThat(lastWeek.getValue("met")).isNull();
  }

  @Test
  void showsTwelvePastWeeksAndSixPastMonthsUnlessAsked() {
    JsonObject goals = goals(platform.newUser(), "");

    assertThat(goals.getJsonObject("weekly").getJsonArray("periods")).hasSize(13);
    assertThat(goals.getJsonObject("monthly").getJsonArray("periods")).hasSize(7);
  }

  /**
   * Two runs a week: met 9 to 6 weeks ago (four in a row, before the window of two weeks asked),
   * none 5 weeks ago, one run 4 weeks ago, none 3 weeks ago, met 2 weeks ago and last week, and
   * one run so far this week.
   */
  private static String runnerOfStreaks() {
    String token = platform.newUser();
    settings(token, new JsonObject().put("weekly_runs_goal", 2));
    for (int back : new int[] {9, 8, 7, 6, 2, 1}) {
      run(token, monday(back), 5, 30);
      run(token, monday(back).plusDays(3), 5, 30);
    }
    run(token, monday(4), 5, 30);
    run(token, monday(0), 5, 30);
    return token;
  }

  @Test
  void theCurrentWeekNotYetMetDoesNotBreakTheStreak() {
    JsonObject streak = goals(runnerOfStreaks(), "?weeks=2").getJsonObject("weekly").getJsonObject("streak");

    assertThat(streak).isEqualTo(new JsonObject().put("current", 2).put("longest", 4));
  }

  @Test
  void theCurrentWeekJoinsTheStreakOnceMet() {
    String token = runnerOfStreaks();
    run(token, monday(0), 5, 30);

    JsonObject streak = goals(token, "?weeks=2").getJsonObject("weekly").getJsonObject("streak");

    assertThat(streak).isEqualTo(new JsonObject().put("current", 3).put("longest", 4));
  }

  @Test
  void aWeekMissedEndsTheCurrentStreak() {
    String token = platform.newUser();
    settings(token, new JsonObject().put("weekly_runs_goal", 1));
    run(token, monday(3), 5, 30);
    run(token, monday(2), 5, 30);

    JsonObject streak = goals(token, "").getJsonObject("weekly").getJsonObject("streak");

    assertThat(streak).isEqualTo(new JsonObject().put("current", 0).put("longest", 2));
  }

  /**
   * An athlete in Kiritimati whose weeks start on Sunday: a run on this week's Sunday is this
   * week's (in an ISO week it would be last week's), one on the Saturday before is last week's.
   */
  @Test
  void weeksAreTheAthletesInTheirTimeZoneFromTheirFirstDay() {
    String token = platform.newUser();
    settings(token, new JsonObject().put("weekly_runs_goal", 1).put("timezone", KIRITIMATI.getId())
        .put("week_start", "sunday"));
    LocalDate today = LocalDate.now(KIRITIMATI);
    LocalDate sunday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
    run(token, sunday, 5, 30);
    run(token, sunday.minusDays(1), 8, 48);

    JsonObject goals = goals(token, "?weeks=1");

    assertThat(goals.getString("as_of")).isEqualTo(today.toString());
    assertThat(goals.getString("week_start")).isEqualTo("sunday");
    JsonArray periods = goals.getJsonObject("weekly").getJsonArray("periods");
    assertThat(periods.getJsonObject(0).getString("start")).isEqualTo(sunday.toString());
    assertThat(periods.getJsonObject(0).getJsonObject("done").getDouble("distance_km")).isEqualTo(5.0);
    assertThat(periods.getJsonObject(1).getString("end")).isEqualTo(sunday.minusDays(1).toString());
    assertThat(periods.getJsonObject(1).getJsonObject("done").getDouble("distance_km")).isEqualTo(8.0);
  }

  @Test
  void aCoachCountsStravaRunsOnlyWithTheAthletesConsent() {
    Person athlete = platform.person();
    Person consented = platform.coach();
    Person notConsented = platform.coach();
    platform.share(athlete, consented, "read", true);
    platform.share(athlete, notConsented, "read", false);
    settings(athlete.token(), new JsonObject().put("weekly_distance_goal_km", 10));
    run(athlete.token(), monday(1), 6, 36);
    platform.stravaRun(athlete, 9001, monday(1).plusDays(2).toString(), 6, 36);

    JsonObject withConsent = lastWeek(goals(consented.token(), "?athlete_id=" + athlete.id()));
    JsonObject withoutConsent = lastWeek(goals(notConsented.token(), "?athlete_id=" + athlete.id()));

    assertThat(withConsent.getJsonObject("done").getDouble("distance_km")).isEqualTo(12.0);
    assertThat(withConsent.getBoolean("met")).isTrue();
    assertThat(withoutConsent.getJsonObject("done").getDouble("distance_km")).isEqualTo(6.0);
    assertThat(withoutConsent.getBoolean("met")).isFalse();
    assertThat(lastWeek(goals(athlete.token(), ""))).isEqualTo(withConsent);
  }

  @Test
  void anotherUsersRunsNeverCount() {
    String token = platform.newUser();
    run(platform.newUser(), monday(1), 10, 60);

    assertThat(lastWeek(goals(token, "")).getJsonObject("done").getLong("runs")).isZero();
  }

  @Test
  void anAthleteWhoDoesNotShareIsNotFound() {
    Person stranger = platform.person();

    assertProblem(platform.trainer.get("/api/v1/analytics/goals?athlete_id=" + stranger.id(), platform.newUser()), 404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"weeks=105", "weeks=-1", "weeks=1.5", "months=25"})
  void refusesAWindowOutOfBounds(String query) {
    assertFieldProblem(platform.trainer.get("/api/v1/analytics/goals?" + query, platform.newUser()), 400,
        query.substring(0, query.indexOf('=')));
  }

  private static JsonObject lastWeek(JsonObject goals) {
    return goals.getJsonObject("weekly").getJsonArray("periods").getJsonObject(1);
  }

  private static JsonObject progress(double ratio, boolean met) {
    return new JsonObject().put("ratio", ratio).put("met", met);
  }

  private static JsonObject goals(String token, String query) {
    var response = platform.trainer.get("/api/v1/analytics/goals" + query, token);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static void settings(String token, JsonObject settings) {
    assertThat(platform.trainer.put("/api/v1/athlete", token, settings).statusCode()).isEqualTo(200);
  }

  private static void run(String token, LocalDate date, double km, double minutes) {
    platform.run(token, null, date.toString(), km, minutes);
  }
}
