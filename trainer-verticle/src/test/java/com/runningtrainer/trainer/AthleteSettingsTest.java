package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An athlete's training settings: defaults, replacement, validation, and who reads them. */
class AthleteSettingsTest {

  private static TrainerPlatform platform;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(AthleteSettingsTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static JsonObject fullSettings() {
    return new JsonObject().put("threshold_pace", 4.5).put("max_heart_rate", 190).put("resting_heart_rate", 48)
        .put("weekly_distance_goal_km", 40).put("weekly_duration_goal_minutes", 240).put("weekly_runs_goal", 4)
        .put("monthly_distance_goal_km", 160).put("monthly_duration_goal_minutes", 960).put("monthly_runs_goal", 16)
        .put("timezone", "Europe/Paris").put("week_start", "sunday").put("distance_unit", "mi");
  }

  @Test
  void anAthleteWhoNeverSetAnyHasTheDefaults() {
    Person athlete = platform.person();

    JsonObject settings = platform.trainer.get("/api/v1/athlete", athlete.token()).bodyAsJsonObject();

    assertThat(settings.getString("owner_id")).isEqualTo(athlete.id());
    assertThat(settings.getString("timezone")).isEqualTo("UTC");
    assertThat(settings.getString("week_start")).isEqualTo("monday");
    assertThat(settings.getString("distance_unit")).isEqualTo("km");
    assertThat(settings.getValue("threshold_pace")).isNull();
    assertThat(settings.getValue("updated_at")).isNull();
  }

  @Test
  void settingsPutAreReadBackAsGiven() {
    Person athlete = platform.person();

    JsonObject put = platform.trainer.put("/api/v1/athlete", athlete.token(), fullSettings()).bodyAsJsonObject();
    JsonObject read = platform.trainer.get("/api/v1/athlete", athlete.token()).bodyAsJsonObject();

    assertThat(read).isEqualTo(put);
    JsonObject expected = fullSettings().put("owner_id", athlete.id()).put("updated_at", read.getString("updated_at"));
    assertThat(read.getMap()).containsAllEntriesOf(expected.copy().put("threshold_pace", 4.5).put("weekly_distance_goal_km", 40.0)
        .put("weekly_duration_goal_minutes", 240.0).put("monthly_distance_goal_km", 160.0)
        .put("monthly_duration_goal_minutes", 960.0).getMap());
  }

  @Test
  void aPutReplacesEveryFieldSoThoseLeftOutAreUnset() {
    Person athlete = platform.person();
    platform.trainer.put("/api/v1/athlete", athlete.token(), fullSettings());

    JsonObject read = platform.trainer.put("/api/v1/athlete", athlete.token(), new JsonObject().put("weekly_runs_goal", 3))
        .bodyAsJsonObject();

    assertThat(read.getInteger("weekly_runs_goal")).isEqualTo(3);
    assertThat(read.getValue("threshold_pace")).isNull();
    assertThat(read.getString("timezone")).isEqualTo("UTC");
    assertThat(read.getString("week_start")).isEqualTo("monday");
  }

  @Test
  void aTimeZoneThatIsNotAnIanaOneIsRefused() {
    Person athlete = platform.person();

    for (String zone : new String[] {"Mars/Olympus", "+02:00", "CET ", "Europe/../etc"}) {
      assertFieldProblem(platform.trainer.put("/api/v1/athlete", athlete.token(), new JsonObject().put("timezone", zone)),
          422, "timezone");
    }
    assertThat(platform.trainer.get("/api/v1/athlete", athlete.token()).bodyAsJsonObject().getValue("updated_at")).isNull();
  }

  @Test
  void aRestingHeartRateNotBelowTheMaximumIsRefused() {
    Person athlete = platform.person();

    assertFieldProblem(platform.trainer.put("/api/v1/athlete", athlete.token(),
        new JsonObject().put("max_heart_rate", 110).put("resting_heart_rate", 110)), 422, "resting_heart_rate");
  }

  @Test
  void valuesOutsideTheirRangeOrFieldsUnknownAreBadRequests() {
    Person athlete = platform.person();

    assertProblem(platform.trainer.put("/api/v1/athlete", athlete.token(), new JsonObject().put("threshold_pace", 0)), 400);
    assertProblem(platform.trainer.put("/api/v1/athlete", athlete.token(), new JsonObject().put("week_start", "friday")), 400);
    assertProblem(platform.trainer.put("/api/v1/athlete", athlete.token(), new JsonObject().put("owner_id", athlete.id())), 400);
  }

  @Test
  void anotherUserNeverReadsTheSettingsOfOneWhoDoesNotShare() {
    Person athlete = platform.person();
    Person stranger = platform.person();
    platform.trainer.put("/api/v1/athlete", athlete.token(), fullSettings());

    assertProblem(platform.trainer.get("/api/v1/athlete?athlete_id=" + athlete.id(), stranger.token()), 404);
    assertThat(platform.trainer.get("/api/v1/athlete", stranger.token()).bodyAsJsonObject().getString("timezone"))
        .isEqualTo("UTC");
  }

  @Test
  void aCoachReadsTheSettingsOfAnAthleteWhoSharesButWritesOnlyTheirOwn() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    platform.share(athlete, coach, "read_write", false);
    platform.trainer.put("/api/v1/athlete", athlete.token(), fullSettings());

    JsonObject read = platform.trainer.get("/api/v1/athlete?athlete_id=" + athlete.id(), coach.token()).bodyAsJsonObject();
    platform.trainer.put("/api/v1/athlete", coach.token(), new JsonObject().put("weekly_runs_goal", 7));

    assertThat(read.getString("timezone")).isEqualTo("Europe/Paris");
    assertThat(platform.trainer.get("/api/v1/athlete", athlete.token()).bodyAsJsonObject().getInteger("weekly_runs_goal"))
        .isEqualTo(4);
  }
}
