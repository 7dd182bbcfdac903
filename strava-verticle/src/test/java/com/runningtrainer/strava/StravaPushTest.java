package com.runningtrainer.strava;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import com.runningtrainer.testsupport.FakeStrava;
import com.runningtrainer.testsupport.FakeStrava.Athlete;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /strava/workouts/{id}/push}: a workout done is written to Strava, into the
 * activity that did it or as a manual activity for a hand-recorded run; a planned workout cannot
 * be, Strava having no place for it; a runner pushes only their own workouts.
 */
class StravaPushTest {

  private static StravaPlatform platform;

  @BeforeAll
  static void start() {
    platform = StravaPlatform.start(StravaPushTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static JsonObject created(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  /** A plan of the person's over the dates, with a long run (21 km, 120 min) on {@code date}. */
  private static JsonObject longRun(Person person, String start, String end, String date) {
    JsonObject plan = created(platform.trainer.post("/api/v1/plans", person.token(), new JsonObject()
        .put("name", "Spring marathon").put("start_date", start).put("end_date", end)));
    return created(platform.trainer.post("/api/v1/workouts", person.token(), new JsonObject()
        .put("plan_id", plan.getString("id")).put("name", "Long run by the river").put("workout_type", "long_run")
        .put("scheduled_date", date).put("distance_km", 21).put("duration_minutes", 120)
        .put("description", "Last 5 km at marathon pace")));
  }

  private static HttpResponse<Buffer> push(Person person, String workoutId) {
    return platform.strava.request(HttpMethod.POST, "/api/v1/strava/workouts/" + workoutId + "/push",
        person.token()).send().await();
  }

  private static void sync(Person person) {
    platform.awaitSync(person, platform.startSync(person).bodyAsJsonObject().getString("sync_id"));
  }

  @Test
  void aWorkoutDoneOnStravaGetsItsPlanInTheActivitysDescriptionBesideTheAthletesText() {
    Athlete athlete = Athlete.next("Described", "Run");
    Person person = platform.person();
    platform.connect(person, athlete);
    JsonObject workout = longRun(person, "2026-03-02", "2026-03-29", "2026-03-08");
    JsonObject activity = FakeStrava.activity("Run", "2026-03-08T08:00:00Z", "2026-03-08T09:00:00Z", 21_100, 7000)
        .put("description", "Felt strong today");
    platform.fake.records(athlete, activity);
    sync(person);

    var pushed = push(person, workout.getString("id"));
    push(person, workout.getString("id"));

    String description = platform.fake.activityOf(athlete, activity.getLong("id")).getString("description");
    assertThat(pushed.statusCode()).as(pushed.bodyAsString()).isEqualTo(200);
    assertThat(pushed.bodyAsJsonObject().getString("outcome")).isEqualTo("described");
    assertThat(description).startsWith("Felt strong today").contains("Long run by the river", "21 km", "120 min",
        "Last 5 km at marathon pace");
    assertThat(description.split("Running Trainer plan", -1)).hasSize(2);
  }

  @Test
  void aWorkoutDoneWithAHandRecordedRunBecomesAManualActivityLinkedToThatRun() {
    Athlete athlete = Athlete.next("Manual", "Pusher");
    Person person = platform.person();
    platform.connect(person, athlete);
    JsonObject workout = longRun(person, "2026-03-02", "2026-03-29", "2026-03-15");
    JsonObject run = created(platform.trainer.post("/api/v1/runs", person.token(), new JsonObject()
        .put("workout_id", workout.getString("id")).put("actual_date", "2026-03-15").put("distance_km", 20.5)
        .put("duration_minutes", 118)));

    var pushed = push(person, workout.getString("id"));
    var again = push(person, workout.getString("id"));

    long activityId = pushed.bodyAsJsonObject().getLong("activity_id");
    JsonObject atStrava = platform.fake.activityOf(athlete, activityId);
    assertThat(pushed.bodyAsJsonObject().getString("outcome")).isEqualTo("created");
    assertThat(atStrava.getBoolean("manual")).isTrue();
    assertThat(atStrava.getDouble("distance")).isEqualTo(20_500.0);
    assertThat(atStrava.getString("start_date_local")).startsWith("2026-03-15");
    assertThat(platform.trainer.get("/api/v1/runs/" + run.getString("id"), person.token()).bodyAsJsonObject()
        .getLong("strava_activity_id")).isEqualTo(activityId);
    assertThat(again.bodyAsJsonObject().getString("outcome")).isEqualTo("described");
    assertThat(again.bodyAsJsonObject().getLong("activity_id")).isEqualTo(activityId);
  }

  @Test
  void anUpcomingWorkoutCannotBeWrittenAndTheAnswerPointsToTheCalendarAndThePdf() {
    Person person = platform.person();
    platform.connect(person, Athlete.next("Planned", "Ahead"));
    JsonObject workout = longRun(person, "2036-03-02", "2036-03-29", "2036-03-08");

    JsonObject problem = assertProblem(push(person, workout.getString("id")), 422);

    assertThat(problem.encode()).contains("Strava cannot hold planned workouts", "calendar", "PDF");
  }

  @Test
  void aPastWorkoutNoRunDidIsUnprocessable() {
    Person person = platform.person();
    platform.connect(person, Athlete.next("Missed", "Workout"));
    JsonObject workout = longRun(person, "2026-03-02", "2026-03-29", "2026-03-22");

    assertProblem(push(person, workout.getString("id")), 422);
  }

  @Test
  void withoutActivityWriteNothingIsWrittenAndTheAnswerSaysWhy() {
    Person person = platform.person();
    platform.fake.grants("read,activity:read_all");
    try {
      platform.connect(person, Athlete.next("Read", "Only"));
    } finally {
      platform.fake.grants(null);
    }
    JsonObject workout = longRun(person, "2026-03-02", "2026-03-29", "2026-03-08");

    JsonObject problem = assertProblem(push(person, workout.getString("id")), 403);

    assertThat(problem.getString("detail")).contains("activity:write");
  }

  @Test
  void aRunnerCannotPushAnotherRunnersWorkout() {
    Person owner = platform.person();
    Person other = platform.person();
    platform.connect(other, Athlete.next("Not", "Theirs"));
    JsonObject workout = longRun(owner, "2026-03-02", "2026-03-29", "2026-03-08");

    assertProblem(push(other, workout.getString("id")), 404);
  }

  @Test
  void withoutAConnectionThereIsNothingToPushTo() {
    Person person = platform.person();
    JsonObject workout = longRun(person, "2026-03-02", "2026-03-29", "2026-03-08");

    assertProblem(push(person, workout.getString("id")), 404);
  }

  @Test
  void aWorkoutIdThatIsNotAUuidIsABadRequest() {
    assertProblem(push(platform.person(), "not-a-uuid"), 400);
  }
}
