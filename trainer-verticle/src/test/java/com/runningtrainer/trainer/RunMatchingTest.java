package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.serviceproxy.ServiceException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Matching planned vs done: runs imported from Strava match a workout of their day by themselves,
 * when they arrive or when a workout is planned, moved or deleted on their day later, or become
 * the hand-recorded run of the same day and distance; the runner sets or clears a
 * run's workout by hand ({@code PUT /runs/{id}/workout}), which no automatic match undoes.
 */
class RunMatchingTest {

  private static final AtomicLong ACTIVITIES = new AtomicLong(7_000_000_000L);
  private static final String DAY = "2026-03-10";

  private static TrainerPlatform platform;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(RunMatchingTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  /** An athlete with a plan over March 2026. */
  private record Athlete(Person person, JsonObject plan) {

    String token() {
      return person.token();
    }
  }

  private static Athlete athlete() {
    Person person = platform.person();
    return new Athlete(person, platform.plan(person.token(), "2026-03-02", "2026-03-29"));
  }

  private static JsonObject workout(Athlete athlete, String type, String date, Double km, Double minutes) {
    return platform.create("/api/v1/workouts", athlete.token(), new JsonObject().put("plan_id", athlete.plan().getString("id"))
        .put("name", type + " on " + date).put("workout_type", type).put("scheduled_date", date)
        .put("distance_km", km).put("duration_minutes", minutes));
  }

  private static JsonObject imported(Athlete athlete, long activity, String date, double km, double minutes) {
    return platform.importActivity(athlete.person(), activity, date, km, minutes);
  }

  private static JsonObject imported(Athlete athlete, String date, double km, double minutes) {
    return imported(athlete, ACTIVITIES.incrementAndGet(), date, km, minutes);
  }

  private static JsonObject run(Athlete athlete, JsonObject run) {
    return platform.trainer.get("/api/v1/runs/" + run.getString("id"), athlete.token()).bodyAsJsonObject();
  }

  private static long runCount(Athlete athlete) {
    return platform.trainer.get("/api/v1/runs", athlete.token()).bodyAsJsonObject().getLong("total");
  }

  private static String compliance(Athlete athlete, JsonObject workout) {
    return platform.trainer.get("/api/v1/workouts/" + workout.getString("id"), athlete.token()).bodyAsJsonObject()
        .getJsonObject("compliance").getString("status");
  }

  private static HttpResponse<Buffer> setWorkout(String token, JsonObject run, Object workoutId) {
    return platform.trainer.put("/api/v1/runs/" + run.getString("id") + "/workout", token,
        new JsonObject().put("workout_id", workoutId));
  }

  private static String id(JsonObject resource) {
    return resource.getString("id");
  }

  // Imports match by themselves.

  @Test
  void anImportedRunIsMatchedToTheWorkoutOfItsDayClosestInDuration() {
    Athlete athlete = athlete();
    workout(athlete, "easy_run", DAY, 8.0, 40.0);
    JsonObject longRun = workout(athlete, "long_run", DAY, 18.0, 100.0);

    JsonObject answer = imported(athlete, DAY, 17, 95);

    assertThat(answer.getString("outcome")).isEqualTo("created");
    assertThat(answer.getJsonObject("run").getString("workout_id")).isEqualTo(id(longRun));
    assertThat(answer.getJsonObject("run").getBoolean("workout_locked")).isFalse();
    assertThat(run(athlete, answer.getJsonObject("run"))).isEqualTo(answer.getJsonObject("run"));
  }

  @Test
  void withoutAPlannedDurationTheClosestDistanceIsMatched() {
    Athlete athlete = athlete();
    JsonObject tempo = workout(athlete, "tempo", DAY, 10.0, null);
    workout(athlete, "long_run", DAY, 20.0, null);

    assertThat(imported(athlete, DAY, 11, 70).getJsonObject("run").getString("workout_id")).isEqualTo(id(tempo));
  }

  @Test
  void anImportedRunIsNeverMatchedAcrossDatesNorToARestDayNorToCrossTraining() {
    Athlete athlete = athlete();
    workout(athlete, "easy_run", "2026-03-09", 10.0, 60.0);
    workout(athlete, "easy_run", "2026-03-11", 10.0, 60.0);
    workout(athlete, "rest", DAY, null, null);
    workout(athlete, "cross_training", DAY, null, 60.0);

    assertThat(imported(athlete, DAY, 10, 60).getJsonObject("run").getValue("workout_id")).isNull();
  }

  @Test
  void aWorkoutDoneAlreadyIsLeftForAnother() {
    Athlete athlete = athlete();
    JsonObject done = workout(athlete, "easy_run", DAY, 10.0, null);
    JsonObject other = workout(athlete, "long_run", DAY, 16.0, null);
    platform.run(athlete.token(), id(done), DAY, 5, 30);

    assertThat(imported(athlete, DAY, 10, 60).getJsonObject("run").getString("workout_id")).isEqualTo(id(other));
  }

  @Test
  void twoRunsImportedAtOnceOnADayOfTwoWorkoutsTakeOneEach() {
    Athlete athlete = athlete();
    JsonObject first = workout(athlete, "easy_run", DAY, 10.0, null);
    JsonObject second = workout(athlete, "easy_run", DAY, 10.0, null);
    var imports = platform.runImports();

    var answers = Future.all(List.of(
        imports.importRun(athlete.person().id(), activity(ACTIVITIES.incrementAndGet(), 10)),
        imports.importRun(athlete.person().id(), activity(ACTIVITIES.incrementAndGet(), 10.01)))).await();

    List<String> matched = answers.<JsonObject>list().stream()
        .map(answer -> answer.getJsonObject("run").getString("workout_id")).toList();
    assertThat(matched).containsExactlyInAnyOrder(id(first), id(second));
  }

  private static JsonObject activity(long id, double km) {
    return new JsonObject().put("strava_activity_id", id).put("actual_date", DAY).put("distance_km", km)
        .put("duration_minutes", 60);
  }

  @Test
  void anImportNamingItsWorkoutKeepsIt() {
    Athlete athlete = athlete();
    workout(athlete, "easy_run", DAY, 10.0, null);
    JsonObject named = workout(athlete, "long_run", "2026-03-11", 20.0, null);

    JsonObject answer = platform.runImports().importRun(athlete.person().id(), activity(ACTIVITIES.incrementAndGet(), 10)
        .put("workout_id", id(named))).await();

    assertThat(answer.getJsonObject("run").getString("workout_id")).isEqualTo(id(named));
  }

  @Test
  void anImportNamingAnotherUsersWorkoutIsRefusedAndMakesNoRun() {
    Athlete ann = athlete();
    Athlete bob = athlete();
    JsonObject bobs = workout(bob, "easy_run", DAY, 10.0, null);

    assertThatThrownBy(() -> platform.runImports().importRun(ann.person().id(), activity(ACTIVITIES.incrementAndGet(), 10)
        .put("workout_id", id(bobs))).await())
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failureCode()).isEqualTo(422));
    assertThat(runCount(ann)).isZero();
    assertThat(compliance(bob, bobs)).isEqualTo("missed");
  }

  @Test
  void aHandRecordedRunKeepsTheNoWorkoutTheRunnerChose() {
    Athlete athlete = athlete();
    workout(athlete, "easy_run", DAY, 10.0, null);

    JsonObject run = platform.run(athlete.token(), null, DAY, 10, 60);

    assertThat(run(athlete, run).getValue("workout_id")).isNull();
  }

  @Test
  void theWorkoutsComplianceCountsAnAutomaticMatchAtOnce() {
    Athlete athlete = athlete();
    JsonObject workout = workout(athlete, "easy_run", DAY, 10.0, null);
    assertThat(compliance(athlete, workout)).isEqualTo("missed");

    imported(athlete, DAY, 10, 60);

    assertThat(compliance(athlete, workout)).isEqualTo("green");
  }

  // Workouts planned, moved or deleted after the run arrived.

  private static String workoutOf(Athlete athlete, JsonObject run) {
    return run(athlete, run).getString("workout_id");
  }

  private static HttpResponse<Buffer> move(Athlete athlete, JsonObject workout, String date) {
    return platform.trainer.post("/api/v1/workouts/" + id(workout) + "/move", athlete.token(),
        new JsonObject().put("date", date));
  }

  @Test
  void aRunImportedBeforeItsWorkoutWasPlannedIsMatchedWhenTheWorkoutIsAdded() {
    Athlete athlete = athlete();
    JsonObject run = imported(athlete, DAY, 10, 60).getJsonObject("run");

    JsonObject workout = workout(athlete, "easy_run", DAY, 10.0, null);

    assertThat(workoutOf(athlete, run)).isEqualTo(id(workout));
    assertThat(run(athlete, run).getBoolean("workout_locked")).isFalse();
    assertThat(workout.getJsonObject("compliance").getString("status")).isEqualTo("green");
  }

  @Test
  void aWorkoutAddedOnAnotherDayOrAsARestDayLeavesTheRunAsItWas() {
    Athlete athlete = athlete();
    JsonObject run = imported(athlete, DAY, 10, 60).getJsonObject("run");

    workout(athlete, "easy_run", "2026-03-11", 10.0, null);
    workout(athlete, "rest", DAY, null, null);

    assertThat(workoutOf(athlete, run)).isNull();
  }

  @Test
  void aWorkoutMovedOntoTheRunsDayIsMatched() {
    Athlete athlete = athlete();
    JsonObject workout = workout(athlete, "tempo", "2026-03-12", 10.0, null);
    JsonObject run = imported(athlete, DAY, 10, 60).getJsonObject("run");
    assertThat(workoutOf(athlete, run)).isNull();

    assertThat(move(athlete, workout, DAY).statusCode()).isEqualTo(200);

    assertThat(workoutOf(athlete, run)).isEqualTo(id(workout));
  }

  @Test
  void aWorkoutEditedOntoTheRunsDayIsMatchedAndCountsItDone() {
    Athlete athlete = athlete();
    JsonObject workout = workout(athlete, "tempo", "2026-03-12", 10.0, null);
    JsonObject run = imported(athlete, DAY, 10, 60).getJsonObject("run");

    HttpResponse<Buffer> edited = platform.trainer.put("/api/v1/workouts/" + id(workout), athlete.token(),
        new JsonObject().put("plan_id", id(athlete.plan())).put("name", "Tempo").put("workout_type", "tempo")
            .put("scheduled_date", DAY).put("distance_km", 10.0));

    assertThat(edited.statusCode()).as(edited.bodyAsString()).isEqualTo(200);
    assertThat(workoutOf(athlete, run)).isEqualTo(id(workout));
    assertThat(edited.bodyAsJsonObject().getJsonObject("compliance").getString("status")).isEqualTo("green");
  }

  @Test
  void aRunWhoseWorkoutIsDeletedTakesAnotherWorkoutOfItsDay() {
    Athlete athlete = athlete();
    JsonObject closest = workout(athlete, "easy_run", DAY, 10.0, null);
    JsonObject other = workout(athlete, "long_run", DAY, 16.0, null);
    JsonObject run = imported(athlete, DAY, 10, 60).getJsonObject("run");
    assertThat(workoutOf(athlete, run)).isEqualTo(id(closest));

    assertThat(platform.trainer.delete("/api/v1/workouts/" + id(closest), athlete.token()).statusCode()).isEqualTo(204);

    assertThat(workoutOf(athlete, run)).isEqualTo(id(other));
  }

  @Test
  void twoRunsOfADayTakeOneWorkoutEachWhenTwoAreAdded() {
    Athlete athlete = athlete();
    JsonObject morning = imported(athlete, DAY, 6, 30).getJsonObject("run");
    JsonObject evening = imported(athlete, DAY, 14, 80).getJsonObject("run");
    JsonObject easy = workout(athlete, "easy_run", DAY, null, 30.0);

    JsonObject longRun = workout(athlete, "long_run", DAY, null, 80.0);

    assertThat(workoutOf(athlete, morning)).isEqualTo(id(easy));
    assertThat(workoutOf(athlete, evening)).isEqualTo(id(longRun));
  }

  @Test
  void aRunLeftWithoutAWorkoutByHandIsNotMatchedWhenAWorkoutIsAdded() {
    Athlete athlete = athlete();
    JsonObject run = imported(athlete, DAY, 10, 60).getJsonObject("run");
    assertThat(setWorkout(athlete.token(), run, null).statusCode()).isEqualTo(200);

    workout(athlete, "easy_run", DAY, 10.0, null);

    assertThat(workoutOf(athlete, run)).isNull();
  }

  @Test
  void aHandRecordedRunIsNotMatchedWhenAWorkoutIsAdded() {
    Athlete athlete = athlete();
    JsonObject run = platform.run(athlete.token(), null, DAY, 10, 60);

    workout(athlete, "easy_run", DAY, 10.0, null);

    assertThat(workoutOf(athlete, run)).isNull();
  }

  @Test
  void anotherUsersRunOfTheDayIsNeverMatchedToAWorkoutAdded() {
    Athlete athlete = athlete();
    Athlete other = athlete();
    JsonObject othersRun = imported(other, DAY, 10, 60).getJsonObject("run");

    workout(athlete, "easy_run", DAY, 10.0, null);

    assertThat(workoutOf(other, othersRun)).isNull();
  }

  @Test
  void aPlanCopiedOverTheRunsDayMatchesItsWorkoutOfThatDay() {
    Athlete athlete = athlete();
    workout(athlete, "easy_run", "2026-03-03", 10.0, null);
    JsonObject run = imported(athlete, "2026-05-05", 10, 60).getJsonObject("run");

    JsonObject copy = platform.create("/api/v1/plans/" + id(athlete.plan()) + "/copy", athlete.token(),
        new JsonObject().put("start_date", "2026-05-04"));

    String copiedWorkout = platform.trainer.get("/api/v1/workouts?plan_id=" + id(copy), athlete.token()).bodyAsJsonObject()
        .getJsonArray("items").getJsonObject(0).getString("id");
    assertThat(workoutOf(athlete, run)).isEqualTo(copiedWorkout);
  }

  @Test
  void aPlanShiftedOntoTheRunsDayMatchesTheWorkoutMoved() {
    Athlete athlete = athlete();
    JsonObject workout = workout(athlete, "easy_run", "2026-03-09", 10.0, null);
    JsonObject run = imported(athlete, DAY, 10, 60).getJsonObject("run");

    HttpResponse<Buffer> shifted = platform.trainer.post("/api/v1/plans/" + id(athlete.plan()) + "/shift", athlete.token(),
        new JsonObject().put("days", 1).put("from", "2026-03-09"));

    assertThat(shifted.statusCode()).as(shifted.bodyAsString()).isEqualTo(200);
    assertThat(workoutOf(athlete, run)).isEqualTo(id(workout));
  }

  @Test
  void aRunOfADeletedPlanTakesTheWorkoutOfAnotherPlanOfItsDay() {
    Athlete athlete = athlete();
    workout(athlete, "easy_run", DAY, 10.0, null);
    JsonObject run = imported(athlete, DAY, 10, 60).getJsonObject("run");
    JsonObject otherPlan = platform.plan(athlete.token(), "2026-03-09", "2026-03-15");
    JsonObject otherWorkout = platform.workout(athlete.token(), otherPlan, "easy_run", DAY, 10.0);

    assertThat(platform.trainer.delete("/api/v1/plans/" + id(athlete.plan()), athlete.token()).statusCode())
        .isEqualTo(204);

    assertThat(workoutOf(athlete, run)).isEqualTo(id(otherWorkout));
  }

  // An activity the runner recorded by hand becomes that run.

  @Test
  void anActivityWithin2PercentOfAHandRecordedRunOfItsDayIsLinkedToIt() {
    Athlete athlete = athlete();
    JsonObject workout = workout(athlete, "tempo", DAY, 12.0, null);
    JsonObject manual = platform.run(athlete.token(), id(workout), DAY, 10.2, 50);
    long activity = ACTIVITIES.incrementAndGet();

    JsonObject answer = imported(athlete, activity, DAY, 10, 48);

    assertThat(answer.getString("outcome")).isEqualTo("linked");
    JsonObject linked = answer.getJsonObject("run");
    assertThat(id(linked)).isEqualTo(id(manual));
    assertThat(linked.getString("source")).isEqualTo("manual");
    assertThat(linked.getLong("strava_activity_id")).isEqualTo(activity);
    assertThat(linked.getDouble("distance_km")).isEqualTo(10.2);
    assertThat(linked.getString("workout_id")).isEqualTo(id(workout));
    assertThat(runCount(athlete)).isEqualTo(1);
  }

  @Test
  void anActivity3PercentOffTheHandRecordedRunIsARunOfItsOwn() {
    Athlete athlete = athlete();
    JsonObject manual = platform.run(athlete.token(), null, DAY, 10.3, 50);

    JsonObject answer = imported(athlete, DAY, 10, 48);

    assertThat(answer.getString("outcome")).isEqualTo("created");
    assertThat(answer.getJsonObject("run").getString("source")).isEqualTo("strava");
    assertThat(run(athlete, manual).getValue("strava_activity_id")).isNull();
    assertThat(runCount(athlete)).isEqualTo(2);
  }

  @Test
  void anActivityIsNotLinkedToAHandRecordedRunOfAnotherDay() {
    Athlete athlete = athlete();
    platform.run(athlete.token(), null, "2026-03-09", 10, 50);

    assertThat(imported(athlete, DAY, 10, 50).getString("outcome")).isEqualTo("created");
  }

  @Test
  void anActivityIsNeverLinkedToAnotherUsersRun() {
    Athlete ann = athlete();
    Athlete bob = athlete();
    JsonObject bobs = platform.run(bob.token(), null, DAY, 10, 50);

    JsonObject answer = imported(ann, DAY, 10, 50);

    assertThat(answer.getString("outcome")).isEqualTo("created");
    assertThat(answer.getJsonObject("run").getString("owner_id")).isEqualTo(ann.person().id());
    assertThat(run(bob, bobs)).isEqualTo(bobs);
  }

  @Test
  void aHandRecordedRunLinkedToOneActivityIsNotLinkedToAnother() {
    Athlete athlete = athlete();
    platform.run(athlete.token(), null, DAY, 10, 50);
    assertThat(imported(athlete, DAY, 10, 50).getString("outcome")).isEqualTo("linked");

    assertThat(imported(athlete, DAY, 10, 50).getString("outcome")).isEqualTo("created");
    assertThat(runCount(athlete)).isEqualTo(2);
  }

  // An activity is one run at most.

  @Test
  void importingAnActivityAgainAnswersItsRunAndChangesNothing() {
    Athlete athlete = athlete();
    long activity = ACTIVITIES.incrementAndGet();
    JsonObject first = imported(athlete, activity, DAY, 12, 60);

    JsonObject again = imported(athlete, activity, DAY, 12, 60);

    assertThat(again.getString("outcome")).isEqualTo("already_imported");
    assertThat(again.getJsonObject("run")).isEqualTo(first.getJsonObject("run"));
    assertThat(runCount(athlete)).isEqualTo(1);
  }

  @Test
  void importingALinkedActivityAgainMakesNoSecondRun() {
    Athlete athlete = athlete();
    JsonObject manual = platform.run(athlete.token(), null, DAY, 10, 50);
    long activity = ACTIVITIES.incrementAndGet();
    imported(athlete, activity, DAY, 10, 50);

    JsonObject again = imported(athlete, activity, DAY, 10, 50);

    assertThat(again.getString("outcome")).isEqualTo("already_imported");
    assertThat(id(again.getJsonObject("run"))).isEqualTo(id(manual));
    assertThat(runCount(athlete)).isEqualTo(1);
  }

  @Test
  void importingAnActivityAgainMatchesItsRunToAWorkoutPlannedSince() {
    Athlete athlete = athlete();
    long activity = ACTIVITIES.incrementAndGet();
    assertThat(imported(athlete, activity, DAY, 10, 60).getJsonObject("run").getValue("workout_id")).isNull();
    JsonObject workout = workout(athlete, "easy_run", DAY, 10.0, null);

    JsonObject again = imported(athlete, activity, DAY, 10, 60);

    assertThat(again.getJsonObject("run").getString("workout_id")).isEqualTo(id(workout));
  }

  @Test
  void aMatchClearedByHandIsNeverMadeAgain() {
    Athlete athlete = athlete();
    workout(athlete, "easy_run", DAY, 10.0, null);
    long activity = ACTIVITIES.incrementAndGet();
    JsonObject matched = imported(athlete, activity, DAY, 10, 60).getJsonObject("run");
    assertThat(matched.getValue("workout_id")).isNotNull();
    setWorkout(athlete.token(), matched, null);

    JsonObject again = imported(athlete, activity, DAY, 10, 60).getJsonObject("run");

    assertThat(again.getValue("workout_id")).isNull();
    assertThat(again.getBoolean("workout_locked")).isTrue();
  }

  @Test
  void aWorkoutSetByHandIsNeverReplacedByAMatch() {
    Athlete athlete = athlete();
    long activity = ACTIVITIES.incrementAndGet();
    JsonObject run = imported(athlete, activity, DAY, 10, 60).getJsonObject("run");
    JsonObject chosen = workout(athlete, "long_run", "2026-03-11", 20.0, null);
    setWorkout(athlete.token(), run, id(chosen));
    workout(athlete, "easy_run", DAY, 10.0, null);

    JsonObject again = imported(athlete, activity, DAY, 10, 60).getJsonObject("run");

    assertThat(again.getString("workout_id")).isEqualTo(id(chosen));
  }

  // The runner sets or clears a run's workout by hand.

  @Test
  void theRunnerSetsARunsWorkoutByHandWhichLocksIt() {
    Athlete athlete = athlete();
    JsonObject workout = workout(athlete, "easy_run", DAY, 10.0, null);
    JsonObject run = platform.run(athlete.token(), null, DAY, 10, 60);

    var response = setWorkout(athlete.token(), run, id(workout));

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("workout_id")).isEqualTo(id(workout));
    assertThat(response.bodyAsJsonObject().getBoolean("workout_locked")).isTrue();
    assertThat(run(athlete, run)).isEqualTo(response.bodyAsJsonObject());
  }

  @Test
  void theWorkoutsComplianceCountsAMatchByHandAtOnce() {
    Athlete athlete = athlete();
    JsonObject workout = workout(athlete, "easy_run", DAY, 10.0, null);
    JsonObject run = platform.run(athlete.token(), null, DAY, 10, 60);

    setWorkout(athlete.token(), run, id(workout));
    assertThat(compliance(athlete, workout)).isEqualTo("green");

    setWorkout(athlete.token(), run, null);
    assertThat(compliance(athlete, workout)).isEqualTo("missed");
  }

  @Test
  void theRunnerClearsARunsWorkoutByHand() {
    Athlete athlete = athlete();
    JsonObject workout = workout(athlete, "easy_run", DAY, 10.0, null);
    JsonObject run = platform.run(athlete.token(), id(workout), DAY, 10, 60);

    JsonObject cleared = setWorkout(athlete.token(), run, null).bodyAsJsonObject();

    assertThat(cleared.getValue("workout_id")).isNull();
    assertThat(cleared.getBoolean("workout_locked")).isTrue();
  }

  @Test
  void byHandAWorkoutOfAnotherDayMayBeChosen() {
    Athlete athlete = athlete();
    JsonObject saturdays = workout(athlete, "long_run", "2026-03-14", 20.0, null);
    JsonObject sundayRun = platform.run(athlete.token(), null, "2026-03-15", 20, 120);

    assertThat(setWorkout(athlete.token(), sundayRun, id(saturdays)).bodyAsJsonObject().getString("workout_id"))
        .isEqualTo(id(saturdays));
  }

  @Test
  void aRestDayIsRefusedAndTheRunStaysAsItWas() {
    Athlete athlete = athlete();
    JsonObject rest = workout(athlete, "rest", DAY, null, null);
    JsonObject run = platform.run(athlete.token(), null, DAY, 10, 60);

    assertFieldProblem(setWorkout(athlete.token(), run, id(rest)), 422, "workout_id");
    assertThat(run(athlete, run)).isEqualTo(run);
  }

  @Test
  void changingTheWorkoutInAWholeRunUpdateLocksIt() {
    Athlete athlete = athlete();
    JsonObject workout = workout(athlete, "easy_run", DAY, 10.0, null);
    JsonObject run = platform.run(athlete.token(), null, DAY, 10, 60);
    JsonObject fields = new JsonObject().put("actual_date", DAY).put("distance_km", 10).put("duration_minutes", 60);

    JsonObject unchanged = platform.trainer.put("/api/v1/runs/" + id(run), athlete.token(), fields.copy().put("notes", "nice"))
        .bodyAsJsonObject();
    JsonObject changed = platform.trainer.put("/api/v1/runs/" + id(run), athlete.token(),
        fields.copy().put("workout_id", id(workout))).bodyAsJsonObject();

    assertThat(unchanged.getBoolean("workout_locked")).isFalse();
    assertThat(changed.getBoolean("workout_locked")).isTrue();
  }

  // Two users, and a coach.

  @Test
  void anotherUsersRunIsNotFoundAndStaysAsItWas() {
    Athlete ann = athlete();
    Athlete bob = athlete();
    JsonObject bobs = platform.run(bob.token(), null, DAY, 10, 60);
    JsonObject annsWorkout = workout(ann, "easy_run", DAY, 10.0, null);

    assertProblem(setWorkout(ann.token(), bobs, id(annsWorkout)), 404);
    assertProblem(setWorkout(ann.token(), bobs, null), 404);
    assertThat(run(bob, bobs)).isEqualTo(bobs);
  }

  @Test
  void anotherUsersWorkoutIsNotFoundAndTheRunStaysAsItWas() {
    Athlete ann = athlete();
    Athlete bob = athlete();
    JsonObject anns = platform.run(ann.token(), null, DAY, 10, 60);
    JsonObject bobsWorkout = workout(bob, "easy_run", DAY, 10.0, null);

    assertProblem(setWorkout(ann.token(), anns, id(bobsWorkout)), 404);
    assertThat(run(ann, anns)).isEqualTo(anns);
    assertThat(compliance(bob, bobsWorkout)).isEqualTo("missed");
  }

  @Test
  void aCoachCannotLinkTheirRunToAnAthletesWorkout() {
    Athlete athlete = athlete();
    Person coach = platform.coach();
    platform.share(athlete.person(), coach, "read_write", true);
    JsonObject athletesWorkout = workout(athlete, "easy_run", DAY, 10.0, null);
    JsonObject coachsRun = platform.run(coach.token(), null, DAY, 10, 60);

    assertProblem(setWorkout(coach.token(), coachsRun, id(athletesWorkout)), 404);
  }

  @Test
  void aCoachNeverSetsTheWorkoutOfAnAthletesRun() {
    Athlete athlete = athlete();
    Person coach = platform.coach();
    platform.share(athlete.person(), coach, "read_write", true);
    JsonObject workout = workout(athlete, "easy_run", DAY, 10.0, null);
    JsonObject run = platform.run(athlete.token(), null, DAY, 10, 60);

    assertProblem(setWorkout(coach.token(), run, id(workout)), 403);
    assertProblem(setWorkout(coach.token(), run, null), 403);
    assertThat(run(athlete, run)).isEqualTo(run);
  }

  @Test
  void aCoachWithoutTheStravaConsentFindsNoStravaRunToChange() {
    Athlete athlete = athlete();
    Person coach = platform.coach();
    platform.share(athlete.person(), coach, "read_write", false);
    JsonObject run = imported(athlete, DAY, 10, 60).getJsonObject("run");

    assertProblem(setWorkout(coach.token(), run, null), 404);
  }

  // Bad bodies.

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"workout_id\":\"not-a-uuid\"}", "{\"workout_id\":42}",
      "{\"workout_id\":null,\"locked\":false}", "[]", "null"})
  void aBodyThatIsNotOneWorkoutIdIsABadRequest(String body) {
    Athlete athlete = athlete();
    JsonObject run = platform.run(athlete.token(), null, DAY, 10, 60);

    var response = platform.trainer.send(HttpMethod.PUT, "/api/v1/runs/" + id(run) + "/workout",
        athlete.token(), "application/json", body);

    assertProblem(response, 400);
    assertThat(run(athlete, run)).isEqualTo(run);
  }

  @Test
  void aRunIdThatIsNotAUuidIsABadRequest() {
    assertProblem(platform.trainer.put("/api/v1/runs/not-a-uuid/workout", athlete().token(),
        new JsonObject().putNull("workout_id")), 400);
  }
}
