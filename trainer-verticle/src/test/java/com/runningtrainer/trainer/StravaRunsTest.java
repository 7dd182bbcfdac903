package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs imported from Strava are the athlete's alone (Strava's API terms) unless the athlete
 * opts in: a coach sees manual runs always, Strava runs only with {@code share_strava_runs}.
 */
class StravaRunsTest {

  private static final AtomicLong ACTIVITIES = new AtomicLong(9_000_000_000L);

  private static TrainerPlatform platform;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(StravaRunsTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  /** An athlete with one manual run (10 km) and one Strava run (21.1 km), shared with a coach. */
  private record Shared(Person athlete, Person coach, JsonObject share, JsonObject manual, JsonObject strava) {
  }

  private static Shared sharedWithStravaRuns(boolean optIn) {
    Person athlete = platform.person();
    Person coach = platform.coach();
    JsonObject share = platform.share(athlete, coach, "read", optIn);
    JsonObject manual = platform.run(athlete.token(), null, "2026-03-03", 10, 50);
    JsonObject strava = platform.stravaRun(athlete, ACTIVITIES.incrementAndGet(), "2026-03-05", 21.1, 110);
    return new Shared(athlete, coach, share, manual, strava);
  }

  private static List<String> runIds(String path, String token) {
    return platform.trainer.get(path, token).bodyAsJsonObject().getJsonArray("items").stream()
        .map(run -> ((JsonObject) run).getString("id")).toList();
  }

  @Test
  void anImportedRunSaysItComesFromStravaAndAManualRunSaysManual() {
    Shared shared = sharedWithStravaRuns(false);

    assertThat(shared.strava().getString("source")).isEqualTo("strava");
    assertThat(shared.strava().getLong("strava_activity_id")).isPositive();
    assertThat(shared.manual().getString("source")).isEqualTo("manual");
    assertThat(shared.manual().getValue("strava_activity_id")).isNull();
  }

  @Test
  void importingTheSameActivityAgainAnswersTheRunImportedFirst() {
    Person athlete = platform.person();
    long activity = ACTIVITIES.incrementAndGet();
    JsonObject first = platform.stravaRun(athlete, activity, "2026-03-05", 12, 60);

    JsonObject again = platform.stravaRun(athlete, activity, "2026-03-05", 12, 60);

    assertThat(again).isEqualTo(first);
    assertThat(platform.trainer.get("/api/v1/runs", athlete.token()).bodyAsJsonObject().getLong("total")).isEqualTo(1);
  }

  @Test
  void anImportWithoutAnActivityIdIsABadRequest() {
    Person athlete = platform.person();

    assertThatThrownBy(() -> platform.runImports().importRun(athlete.id(), new JsonObject()
        .put("actual_date", "2026-03-05").put("distance_km", 5).put("duration_minutes", 30)).await())
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failureCode()).isEqualTo(400));
  }

  @Test
  void theAthleteSeesTheirStravaRuns() {
    Shared shared = sharedWithStravaRuns(false);

    assertThat(runIds("/api/v1/runs", shared.athlete().token()))
        .containsExactly(shared.strava().getString("id"), shared.manual().getString("id"));
    assertThat(platform.trainer.get("/api/v1/runs/" + shared.strava().getString("id"), shared.athlete().token())
        .statusCode()).isEqualTo(200);
  }

  @Test
  void withoutTheOptInACoachListsOnlyTheManualRuns() {
    Shared shared = sharedWithStravaRuns(false);

    assertThat(runIds("/api/v1/runs?athlete_id=" + shared.athlete().id(), shared.coach().token()))
        .containsExactly(shared.manual().getString("id"));
  }

  @Test
  void withoutTheOptInTheActivityAHandRecordedRunWasLinkedToIsHiddenFromTheCoach() {
    Shared shared = sharedWithStravaRuns(false);
    long activity = ACTIVITIES.incrementAndGet();
    platform.importActivity(shared.athlete(), activity, "2026-03-03", 10.1, 51);
    String path = "/api/v1/runs/" + shared.manual().getString("id");

    JsonObject asCoach = platform.trainer.get(path, shared.coach().token()).bodyAsJsonObject();
    JsonObject listed = platform.trainer.get("/api/v1/runs?athlete_id=" + shared.athlete().id(), shared.coach().token())
        .bodyAsJsonObject().getJsonArray("items").getJsonObject(0);
    JsonObject asAthlete = platform.trainer.get(path, shared.athlete().token()).bodyAsJsonObject();

    assertThat(asCoach.getValue("strava_activity_id")).isNull();
    assertThat(listed.getValue("strava_activity_id")).isNull();
    assertThat(asAthlete.getLong("strava_activity_id")).isEqualTo(activity);
  }

  @Test
  void withTheOptInTheCoachSeesTheActivityAHandRecordedRunWasLinkedTo() {
    Shared shared = sharedWithStravaRuns(true);
    long activity = ACTIVITIES.incrementAndGet();
    platform.importActivity(shared.athlete(), activity, "2026-03-03", 10.1, 51);

    JsonObject asCoach = platform.trainer.get("/api/v1/runs/" + shared.manual().getString("id"), shared.coach().token())
        .bodyAsJsonObject();

    assertThat(asCoach.getLong("strava_activity_id")).isEqualTo(activity);
  }

  @Test
  void withoutTheOptInAStravaRunIsAbsentForTheCoach() {
    Shared shared = sharedWithStravaRuns(false);

    assertProblem(platform.trainer.get("/api/v1/runs/" + shared.strava().getString("id"), shared.coach().token()), 404);
    assertThat(platform.trainer.get("/api/v1/runs/" + shared.manual().getString("id"), shared.coach().token()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void withoutTheOptInTheCoachsSummaryLeavesStravaRunsOut() {
    Shared shared = sharedWithStravaRuns(false);

    JsonObject coachs = summary(shared, shared.coach());
    JsonObject athletes = summary(shared, shared.athlete());

    assertThat(coachs.getLong("total_runs")).isEqualTo(1);
    assertThat(coachs.getDouble("total_distance_km")).isEqualTo(10.0);
    assertThat(athletes.getLong("total_runs")).isEqualTo(2);
    assertThat(athletes.getDouble("total_distance_km")).isEqualTo(31.1);
  }

  @Test
  void withoutTheOptInAWorkoutDoneOnStravaIsNotCompletedForTheCoach() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    platform.share(athlete, coach, "read", false);
    JsonObject plan = platform.plan(athlete.token(), "2026-03-02", "2026-03-29");
    JsonObject workout = platform.workout(athlete.token(), plan, "long_run", "2026-03-08", 21.0);
    platform.runImports().importRun(athlete.id(), new JsonObject().put("strava_activity_id", ACTIVITIES.incrementAndGet())
        .put("workout_id", workout.getString("id")).put("actual_date", "2026-03-08").put("distance_km", 21)
        .put("duration_minutes", 110)).await();
    String progress = "/api/v1/analytics/plans/" + plan.getString("id") + "/progress";

    assertThat(platform.trainer.get(progress, athlete.token()).bodyAsJsonObject().getLong("completed_workouts")).isEqualTo(1);
    assertThat(platform.trainer.get(progress, coach.token()).bodyAsJsonObject().getLong("completed_workouts")).isZero();
  }

  @Test
  void withTheOptInACoachSeesStravaRunsAndCountsThem() {
    Shared shared = sharedWithStravaRuns(true);

    assertThat(runIds("/api/v1/runs?athlete_id=" + shared.athlete().id(), shared.coach().token()))
        .containsExactly(shared.strava().getString("id"), shared.manual().getString("id"));
    assertThat(platform.trainer.get("/api/v1/runs/" + shared.strava().getString("id"), shared.coach().token())
        .bodyAsJsonObject()).isEqualTo(shared.strava());
    assertThat(summary(shared, shared.coach()).getLong("total_runs")).isEqualTo(2);
  }

  @Test
  void turningTheOptInOffHidesStravaRunsAtOnce() {
    Shared shared = sharedWithStravaRuns(true);

    platform.trainer.request(HttpMethod.PATCH, "/api/v1/shares/" + shared.share().getString("id"), shared.athlete().token())
        .sendJsonObject(new JsonObject().put("share_strava_runs", false)).await();

    assertProblem(platform.trainer.get("/api/v1/runs/" + shared.strava().getString("id"), shared.coach().token()), 404);
    assertThat(summary(shared, shared.coach()).getLong("total_runs")).isEqualTo(1);
  }

  @Test
  void withTheOptInACoachStillNeverChangesAStravaRun() {
    Shared shared = sharedWithStravaRuns(true);

    assertProblem(platform.trainer.delete("/api/v1/runs/" + shared.strava().getString("id"), shared.coach().token()), 403);
  }

  private static JsonObject summary(Shared shared, Person reader) {
    return platform.trainer.get("/api/v1/analytics/summary?athlete_id=" + shared.athlete().id(), reader.token())
        .bodyAsJsonObject();
  }
}
