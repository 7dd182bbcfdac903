package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** VDOT, race predictions and training paces from the best effort of 90 days, on real PostgreSQL. */
class PredictionsApiTest {

  private static final AtomicLong ACTIVITIES = new AtomicLong(8_000_000_000L);
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  private static TrainerPlatform platform;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(PredictionsApiTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static JsonObject predictions(String query, String token) {
    var response = platform.trainer.get("/api/v1/analytics/predictions" + query, token);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static String daysAgo(int days) {
    return TODAY.minusDays(days).toString();
  }

  /** A 5 km race in 27:00 ten days ago; the run. */
  private static JsonObject race(Person athlete) {
    JsonObject plan = platform.plan(athlete.token(), daysAgo(30), daysAgo(0));
    JsonObject race = platform.workout(athlete.token(), plan, "race", daysAgo(10), 5.0);
    return platform.run(athlete.token(), race.getString("id"), daysAgo(10), 5, 27);
  }

  @Test
  void aRaceComesFirstEvenWhenATrainingRunWasFaster() {
    Person athlete = platform.person();
    JsonObject race = race(athlete);
    platform.run(athlete.token(), null, daysAgo(5), 10, 45); // VDOT 46: faster, but not a race

    JsonObject predictions = predictions("", athlete.token());

    assertThat(predictions.getDouble("vdot")).isEqualTo(34.96);
    JsonObject effort = predictions.getJsonObject("effort");
    assertThat(effort.getString("run_id")).isEqualTo(race.getString("id"));
    assertThat(effort.getString("date")).isEqualTo(daysAgo(10));
    assertThat(effort.getDouble("distance_km")).isEqualTo(5.0);
    assertThat(effort.getDouble("duration_minutes")).isEqualTo(27.0);
    assertThat(effort.getBoolean("race")).isTrue();
  }

  @Test
  void aRunCountsAsARaceOnceItsWorkoutBecomesOne() {
    Person athlete = platform.person();
    JsonObject plan = platform.plan(athlete.token(), daysAgo(30), daysAgo(0));
    JsonObject workout = platform.workout(athlete.token(), plan, "easy_run", daysAgo(10), 5.0);
    JsonObject run = platform.run(athlete.token(), workout.getString("id"), daysAgo(10), 5, 27);
    platform.run(athlete.token(), null, daysAgo(5), 10, 45);

    platform.trainer.put("/api/v1/workouts/" + workout.getString("id"), athlete.token(), new JsonObject()
        .put("plan_id", plan.getString("id")).put("name", "Parkrun").put("workout_type", "race")
        .put("scheduled_date", daysAgo(10)).put("distance_km", 5.0));

    JsonObject effort = predictions("", athlete.token()).getJsonObject("effort");
    assertThat(effort.getString("run_id")).isEqualTo(run.getString("id"));
    assertThat(effort.getBoolean("race")).isTrue();
  }

  @Test
  void theRaceOwnDistanceIsPredictedAtItsOwnTimeByBothModels() {
    Person athlete = platform.person();
    JsonObject race = race(athlete);

    JsonArray races = predictions("", athlete.token()).getJsonArray("races");

    assertThat(races.stream().map(r -> ((JsonObject) r).getString("distance")).toList())
        .containsExactly("5k", "10k", "half_marathon", "marathon");
    JsonObject fiveK = races.getJsonObject(0);
    assertThat(fiveK.getDouble("vdot_minutes")).isEqualTo(27.0);
    assertThat(fiveK.getDouble("riegel_minutes")).isEqualTo(27.0);
    assertThat(fiveK.getString("run_id")).isEqualTo(race.getString("id"));
    JsonObject marathon = races.getJsonObject(3);
    assertThat(marathon.getDouble("riegel_minutes")).isEqualTo(258.96); // 27 · 8.439^1.06
    assertThat(marathon.getDouble("vdot_minutes")).isEqualTo(256.32); // the time whose VDOT is 34.96
  }

  @Test
  void fiveTrainingPacesGetSlowerFromRToE() {
    Person athlete = platform.person();
    JsonObject race = race(athlete);

    JsonArray paces = predictions("", athlete.token()).getJsonArray("paces");

    assertThat(paces.stream().map(p -> ((JsonObject) p).getString("zone")).toList()).containsExactly("E", "M", "T", "I", "R");
    JsonObject threshold = paces.getJsonObject(2);
    assertThat(threshold.getInteger("percent_vo2max_low")).isEqualTo(83);
    assertThat(threshold.getInteger("percent_vo2max_high")).isEqualTo(88);
    assertThat(threshold.getDouble("fastest_pace")).isEqualTo(5.672);
    assertThat(threshold.getString("run_id")).isEqualTo(race.getString("id"));
    for (int i = 0; i < 5; i++) {
      JsonObject pace = paces.getJsonObject(i);
      assertThat(pace.getDouble("fastest_pace")).isLessThan(pace.getDouble("slowest_pace"));
    }
    assertThat(paces.getJsonObject(0).getDouble("fastest_pace")).isGreaterThan(paces.getJsonObject(4).getDouble("slowest_pace"));
  }

  @Test
  void withoutARaceTheBestRunOfAtLeastThreeKilometresCounts() {
    Person athlete = platform.person();
    platform.run(athlete.token(), null, daysAgo(3), 2.9, 9); // fast, but too short
    JsonObject best = platform.run(athlete.token(), null, daysAgo(4), 10, 50);
    platform.run(athlete.token(), null, daysAgo(5), 10, 60);

    JsonObject predictions = predictions("", athlete.token());

    assertThat(predictions.getJsonObject("effort").getString("run_id")).isEqualTo(best.getString("id"));
    assertThat(predictions.getJsonObject("effort").getBoolean("race")).isFalse();
  }

  @Test
  void withoutARecentEffortThereIsNoVdotAndItSaysWhy() {
    Person athlete = platform.person();
    platform.run(athlete.token(), null, daysAgo(90), 10, 50); // one day too old
    platform.run(athlete.token(), null, daysAgo(1), 2, 10);

    JsonObject predictions = predictions("", athlete.token());

    assertThat(predictions.getValue("vdot")).isNull();
    assertThat(predictions.getString("reason")).contains("90 days");
    assertThat(predictions.getValue("effort")).isNull();
    assertThat(predictions.getJsonArray("races")).isEmpty();
    assertThat(predictions.getString("from")).isEqualTo(daysAgo(89));
  }

  @Test
  void anotherUsersRunsNeverCount() {
    race(platform.person());

    assertThat(predictions("", platform.newUser()).getValue("vdot")).isNull();
  }

  @Test
  void anAthleteWhoDoesNotShareIsNotFound() {
    Person athlete = platform.person();
    race(athlete);

    for (String token : List.of(platform.coach().token(), platform.newUser())) {
      assertProblem(platform.trainer.get("/api/v1/analytics/predictions?athlete_id=" + athlete.id(), token), 404);
    }
  }

  @Test
  void aCoachSeesAStravaEffortOnlyWithTheAthletesConsent() {
    Person athlete = platform.person();
    platform.run(athlete.token(), null, daysAgo(6), 10, 60);
    JsonObject strava = platform.stravaRun(athlete, ACTIVITIES.incrementAndGet(), daysAgo(5), 10, 50);
    Person withConsent = platform.coach();
    Person withoutConsent = platform.coach();
    platform.share(athlete, withConsent, "read", true);
    platform.share(athlete, withoutConsent, "read", false);
    String query = "?athlete_id=" + athlete.id();

    JsonObject consented = predictions(query, withConsent.token());
    JsonObject withheld = predictions(query, withoutConsent.token());

    assertThat(consented.getJsonObject("effort").getString("run_id")).isEqualTo(strava.getString("id"));
    assertThat(withheld.getJsonObject("effort").getString("run_id")).isNotEqualTo(strava.getString("id"));
    assertThat(withheld.getDouble("vdot")).isLessThan(consented.getDouble("vdot"));
  }
}
