package com.runningtrainer.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.db.Database;
import com.runningtrainer.common.db.Rows;
import com.runningtrainer.testsupport.FakeAuth.Person;
import com.runningtrainer.trainer.run.Pace;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The summary reads runs summed ahead of time (migration V9), kept by triggers in the transaction
 * of every write. Whatever writes the runs or their workouts, it answers what the runs themselves
 * sum to: the summary as it was computed before V9, from every run at each request, is the
 * measure, asked for every range shape, both first days of the week and every kind of reader.
 */
class SummaryTotalsTest {

  private static final AtomicLong ACTIVITIES = new AtomicLong(9_000_000_000L);

  /** The summary as computed before V9: every run the caller sees, grouped at each request. */
  private static final String FROM_THE_RUNS = "SELECT GROUPING(week) AS by_week, GROUPING(workout_type) AS by_type, "
      + "week AS week_start, workout_type, count(*) AS runs, coalesce(sum(distance_km), 0) AS distance_km, "
      + "coalesce(sum(duration_minutes), 0) AS duration_minutes, max(distance_km) AS longest_run_km FROM ("
      + "SELECT r.actual_date - (extract(isodow FROM r.actual_date)::int - $5 + 7) % 7 AS week, "
      + "coalesce(w.workout_type, 'unplanned') AS workout_type, r.distance_km, r.duration_minutes "
      + "FROM runs r LEFT JOIN workouts w ON w.id = r.workout_id AND w.owner_id = r.owner_id "
      + "WHERE r.owner_id = $1 AND ($2::date IS NULL OR r.actual_date >= $2) AND ($3::date IS NULL OR r.actual_date <= $3) "
      + "AND (r.owner_id = $4 OR EXISTS (SELECT 1 FROM shares s WHERE s.athlete_id = r.owner_id AND s.coach_id = $4 "
      + "AND s.status = 'active' AND (r.source <> 'strava' OR s.share_strava_runs)))) r "
      + "GROUP BY GROUPING SETS ((), (week), (workout_type)) ORDER BY week_start, workout_type";

  /**
   * The owner's rows of run_totals that differ from their runs summed afresh, and their runs whose
   * copied workout type is not their workout's.
   */
  private static final String DRIFT = "WITH fresh AS (SELECT run_totals_block(actual_date) AS block_start, "
      + "workout_type, source, count(*)::int AS runs, sum((distance_km * 1000)::bigint) AS distance_m, "
      + "sum((duration_minutes * 100)::bigint) AS duration_cmin, (max(distance_km) * 1000)::int AS longest_m FROM runs "
      + "WHERE owner_id = $1 GROUP BY 1, 2, 3), kept AS (SELECT block_start, workout_type, source, runs, distance_m, "
      + "duration_cmin, longest_m FROM run_totals WHERE owner_id = $1) "
      + "SELECT (SELECT count(*) FROM ((SELECT * FROM fresh EXCEPT ALL SELECT * FROM kept) "
      + "UNION ALL (SELECT * FROM kept EXCEPT ALL SELECT * FROM fresh)) d) "
      + "+ (SELECT count(*) FROM runs r LEFT JOIN workouts w ON w.id = r.workout_id AND w.owner_id = r.owner_id "
      + "WHERE r.owner_id = $1 AND r.workout_type IS DISTINCT FROM w.workout_type) AS drift";

  /** Ranges of every shape around March 2026 (the 2nd is a Monday): no bound, one, whole blocks, parts of one, across. */
  private static final List<String[]> RANGES = List.of(
      new String[] {null, null},
      new String[] {"2026-03-04", null},
      new String[] {null, "2026-03-12"},
      new String[] {"2026-03-02", "2026-03-15"},
      new String[] {"2026-03-01", "2026-03-14"},
      new String[] {"2026-03-03", "2026-03-06"},
      new String[] {"2026-03-08", "2026-03-08"},
      new String[] {"2026-03-07", "2026-03-09"},
      new String[] {"2026-03-05", "2026-03-17"},
      new String[] {"2026-04-01", "2026-04-30"});

  private static TrainerPlatform platform;
  private static Pool database;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(SummaryTotalsTest.class);
    database = Database.pool(platform.vertx, platform.databaseUrl, "trainer", 2);
  }

  @AfterAll
  static void stop() {
    database.close().await();
    platform.close();
  }

  /** An athlete, a coach who sees their Strava runs and one who does not. */
  private record Athlete(Person person, Person coach, Person stravaCoach, JsonObject plan) {

    String token() {
      return person.token();
    }
  }

  /**
   * An athlete with a plan over March 2026 and its workouts, and runs across its first two
   * weeks: planned and unplanned, hand-recorded and from Strava, on weekdays and Sundays.
   */
  private static Athlete athlete() {
    Person person = platform.person();
    Person coach = platform.coach();
    Person stravaCoach = platform.coach();
    platform.share(person, coach, "read", false);
    platform.share(person, stravaCoach, "read", true);
    Athlete athlete = new Athlete(person, coach, stravaCoach, platform.plan(person.token(), "2026-03-02", "2026-03-29"));
    String easy = workout(athlete, "easy_run", "2026-03-02").getString("id");
    String tempo = workout(athlete, "tempo", "2026-03-04").getString("id");
    String longRun = workout(athlete, "long_run", "2026-03-08").getString("id");
    workout(athlete, "intervals", "2026-03-10");
    platform.run(athlete.token(), easy, "2026-03-02", 10, 55);
    platform.run(athlete.token(), null, "2026-03-02", 5, 30);
    platform.run(athlete.token(), tempo, "2026-03-04", 8.4, 40.5);
    platform.run(athlete.token(), longRun, "2026-03-08", 21.1, 118.25);
    stravaRun(athlete, "2026-03-08", 12, 66);
    stravaRun(athlete, "2026-03-11", 7.25, 41);
    platform.run(athlete.token(), null, "2026-03-14", 6, 33);
    platform.run(athlete.token(), null, "2026-03-15", 15, 84);
    return athlete;
  }

  private static JsonObject workout(Athlete athlete, String type, String date) {
    return platform.workout(athlete.token(), athlete.plan(), type, date, 10.0);
  }

  private static JsonObject stravaRun(Athlete athlete, String date, double km, double minutes) {
    return platform.stravaRun(athlete.person(), ACTIVITIES.incrementAndGet(), date, km, minutes);
  }

  private static JsonObject runInput(String workoutId, String date, double km, double minutes) {
    return new JsonObject().put("workout_id", workoutId).put("actual_date", date).put("distance_km", km)
        .put("duration_minutes", minutes);
  }

  private static void ok(HttpResponse<?> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isBetween(200, 204);
  }

  /**
   * The summary, for the athlete and both coaches, over every range and in weeks from Monday and
   * from Sunday, answers what the runs sum to; and the kept totals equal the runs summed afresh.
   */
  private static void assertSummariesAreTheRunsSums(Athlete athlete) {
    UUID owner = UUID.fromString(athlete.person().id());
    assertThat(database.preparedQuery(DRIFT).execute(Tuple.of(owner)).await().iterator().next().getLong("drift"))
        .as("rows drifted").isZero();
    for (String weekStart : List.of("monday", "sunday")) {
      ok(platform.trainer.put("/api/v1/athlete", athlete.token(), new JsonObject().put("week_start", weekStart)));
      int isoDay = weekStart.equals("monday") ? 1 : 7;
      for (Person reader : List.of(athlete.person(), athlete.coach(), athlete.stravaCoach())) {
        for (String[] range : RANGES) {
          JsonObject expected = fromTheRuns(owner, UUID.fromString(reader.id()), range, isoDay);
          JsonObject answered = summary(owner, reader, range);
          assertThat(answered).as("%s weeks, read by %s, from %s to %s", weekStart,
              reader == athlete.person() ? "the athlete" : reader == athlete.coach() ? "a coach" : "a Strava coach",
              range[0], range[1]).isEqualTo(expected);
        }
      }
    }
  }

  private static JsonObject summary(UUID owner, Person reader, String[] range) {
    StringBuilder query = new StringBuilder("/api/v1/analytics/summary?athlete_id=").append(owner);
    if (range[0] != null) {
      query.append("&from=").append(range[0]);
    }
    if (range[1] != null) {
      query.append("&to=").append(range[1]);
    }
    var response = platform.trainer.get(query.toString(), reader.token());
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    JsonObject answer = response.bodyAsJsonObject();
    answer.remove("from");
    answer.remove("to");
    return answer;
  }

  private static JsonObject fromTheRuns(UUID owner, UUID reader, String[] range, int weekStart) {
    RowSet<Row> rows = database.preparedQuery(FROM_THE_RUNS)
        .execute(Tuple.of(owner, date(range[0]), date(range[1]), reader, weekStart)).await();
    JsonObject summary = new JsonObject();
    JsonArray weekly = new JsonArray();
    JsonArray byType = new JsonArray();
    for (Row row : rows) {
      JsonObject totals = new JsonObject().put("runs", row.getLong("runs"))
          .put("distance_km", Rows.number(row, "distance_km")).put("duration_minutes", Rows.number(row, "duration_minutes"));
      if (row.getInteger("by_week") == 0) {
        weekly.add(totals.put("week_start", Rows.date(row, "week_start")));
      } else if (row.getInteger("by_type") == 0) {
        byType.add(totals.put("workout_type", row.getString("workout_type")));
      } else {
        BigDecimal pace = Pace.of(row.getBigDecimal("distance_km"), row.getBigDecimal("duration_minutes"));
        summary.put("total_runs", row.getLong("runs")).put("total_distance_km", Rows.number(row, "distance_km"))
            .put("total_duration_minutes", Rows.number(row, "duration_minutes"))
            .put("average_pace", pace == null ? null : pace.stripTrailingZeros().doubleValue())
            .put("longest_run_km", Rows.number(row, "longest_run_km"));
      }
    }
    // As the answer arrives over HTTP: numbers as JSON gives them back.
    return new JsonObject(summary.put("weekly", weekly).put("by_workout_type", byType).encode());
  }

  private static LocalDate date(String text) {
    return text == null ? null : LocalDate.parse(text);
  }

  @Test
  void recordedRunsAreSummedAsTheyAre() {
    assertSummariesAreTheRunsSums(athlete());
  }

  @Test
  void anAthleteWithoutRunsHasAnEmptySummary() {
    Person person = platform.person();
    Person coach = platform.coach();
    Person stravaCoach = platform.coach();
    platform.share(person, coach, "read", false);
    platform.share(person, stravaCoach, "read", true);

    assertSummariesAreTheRunsSums(new Athlete(person, coach, stravaCoach, null));
  }

  @Test
  void aRunsNewDistanceDurationAndDateAreSummedWhereTheyNowBelong() {
    Athlete athlete = athlete();
    JsonObject run = platform.run(athlete.token(), null, "2026-03-03", 9, 50);

    ok(platform.trainer.put("/api/v1/runs/" + run.getString("id"), athlete.token(),
        runInput(null, "2026-03-08", 30.5, 170)));

    assertSummariesAreTheRunsSums(athlete);
  }

  @Test
  void theLongestRunOfItsDaysShortenedLeavesTheNextLongestAsLongest() {
    Athlete athlete = athlete();
    JsonObject longest = platform.run(athlete.token(), null, "2026-03-03", 42.2, 240);

    ok(platform.trainer.put("/api/v1/runs/" + longest.getString("id"), athlete.token(),
        runInput(null, "2026-03-03", 3, 20)));

    assertSummariesAreTheRunsSums(athlete);
  }

  @Test
  void deletedRunsLeaveTheSummaryDownToTheLastOfTheirDays() {
    Athlete athlete = athlete();
    JsonObject longest = platform.run(athlete.token(), null, "2026-03-05", 42.2, 240);
    JsonObject alone = platform.run(athlete.token(), null, "2026-03-22", 5, 28);

    ok(platform.trainer.delete("/api/v1/runs/" + longest.getString("id"), athlete.token()));
    ok(platform.trainer.delete("/api/v1/runs/" + alone.getString("id"), athlete.token()));

    assertSummariesAreTheRunsSums(athlete);
  }

  @Test
  void aRunLinkedToAnotherWorkoutOrToNoneCountsUnderItsNewType() {
    Athlete athlete = athlete();
    JsonObject race = workout(athlete, "race", "2026-03-05");
    JsonObject hills = workout(athlete, "hill_repeats", "2026-03-06");
    JsonObject run = platform.run(athlete.token(), race.getString("id"), "2026-03-05", 10, 42);
    JsonObject other = platform.run(athlete.token(), null, "2026-03-06", 11, 60);

    ok(platform.trainer.put("/api/v1/runs/" + run.getString("id"), athlete.token(), runInput(null, "2026-03-05", 10, 42)));
    ok(platform.trainer.put("/api/v1/runs/" + other.getString("id") + "/workout", athlete.token(),
        new JsonObject().put("workout_id", hills.getString("id"))));

    assertSummariesAreTheRunsSums(athlete);
  }

  @Test
  void aWorkoutsNewTypeIsTheTypeItsRunsCountUnder() {
    Athlete athlete = athlete();
    JsonObject tempo = workout(athlete, "tempo", "2026-03-12");
    platform.run(athlete.token(), tempo.getString("id"), "2026-03-12", 9, 45);
    platform.run(athlete.token(), tempo.getString("id"), "2026-03-12", 3, 18);

    ok(platform.trainer.put("/api/v1/workouts/" + tempo.getString("id"), athlete.token(), new JsonObject()
        .put("plan_id", athlete.plan().getString("id")).put("name", "Fartlek").put("workout_type", "fartlek")
        .put("scheduled_date", "2026-03-12")));

    assertSummariesAreTheRunsSums(athlete);
  }

  @Test
  void aDeletedWorkoutsRunsCountAsUnplanned() {
    Athlete athlete = athlete();
    JsonObject tempo = workout(athlete, "tempo", "2026-03-13");
    platform.run(athlete.token(), tempo.getString("id"), "2026-03-13", 9, 45);

    ok(platform.trainer.delete("/api/v1/workouts/" + tempo.getString("id"), athlete.token()));

    assertSummariesAreTheRunsSums(athlete);
  }

  @Test
  void aDeletedPlansRunsStayAndCountAsUnplanned() {
    Athlete athlete = athlete();

    ok(platform.trainer.delete("/api/v1/plans/" + athlete.plan().getString("id"), athlete.token()));

    assertSummariesAreTheRunsSums(athlete);
  }

  @Test
  void stravaImportsMatchedOrLinkedToAHandRecordedRunCountOnce() {
    Athlete athlete = athlete();
    workout(athlete, "recovery_run", "2026-03-16");
    stravaRun(athlete, "2026-03-16", 6, 40);
    long activity = ACTIVITIES.incrementAndGet();
    platform.stravaRun(athlete.person(), activity, "2026-03-17", 8, 44);
    platform.stravaRun(athlete.person(), activity, "2026-03-17", 8, 44);
    platform.run(athlete.token(), null, "2026-03-18", 10, 50);
    stravaRun(athlete, "2026-03-18", 10.1, 51);

    assertSummariesAreTheRunsSums(athlete);
  }

  @Test
  void stravaRunsRemovedOneByOneOrPurgedLeaveTheSummary() {
    Athlete athlete = athlete();
    long activity = ACTIVITIES.incrementAndGet();
    platform.stravaRun(athlete.person(), activity, "2026-03-09", 14, 70);
    stravaRun(athlete, "2026-03-09", 4, 25);
    platform.run(athlete.token(), null, "2026-03-10", 10, 50);
    stravaRun(athlete, "2026-03-10", 10.1, 51);

    platform.runImports().removeImportedRun(athlete.person().id(), activity).await();
    assertSummariesAreTheRunsSums(athlete);

    platform.runImports().purgeImportedRuns(athlete.person().id()).await();
    assertSummariesAreTheRunsSums(athlete);
  }

  @Test
  void runsWrittenAtOnceToTheSameDaysAreAllCounted() {
    Athlete athlete = athlete();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add(platform.run(athlete.token(), null, "2026-03-03", 10 + i, 60).getString("id"));
    }

    List<Future<?>> writes = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      writes.add(send(HttpMethod.POST, "/api/v1/runs", athlete, runInput(null, "2026-03-0" + (3 + i % 4), 5 + i, 30 + i)));
    }
    for (String id : ids.subList(0, 3)) {
      writes.add(send(HttpMethod.DELETE, "/api/v1/runs/" + id, athlete, null));
    }
    for (String id : ids.subList(3, 6)) {
      writes.add(send(HttpMethod.PUT, "/api/v1/runs/" + id, athlete, runInput(null, "2026-03-04", 1, 6)));
    }
    Future.all(writes).await();

    assertSummariesAreTheRunsSums(athlete);
  }

  private static Future<?> send(HttpMethod method, String path, Athlete athlete, JsonObject body) {
    var request = platform.trainer.request(method, path, athlete.token());
    return (body == null ? request.send() : request.sendJsonObject(body)).map(response -> {
      if (response.statusCode() >= 300) {
        throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.bodyAsString());
      }
      return response;
    });
  }
}
