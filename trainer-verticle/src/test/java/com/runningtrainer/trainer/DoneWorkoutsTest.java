package com.runningtrainer.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.runningtrainer.testsupport.FakeAuth.Person;
import com.runningtrainer.trainer.api.DoneWorkouts;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The strava service asks for a runner's workout and the run that did it before writing it to
 * Strava: only the owner's own workout answers, with a run from Strava first.
 */
class DoneWorkoutsTest {

  private static final AtomicLong ACTIVITIES = new AtomicLong(7_000_000_000L);

  private static TrainerPlatform platform;
  private static DoneWorkouts doneWorkouts;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(DoneWorkoutsTest.class);
    doneWorkouts = DoneWorkouts.createProxy(platform.vertx, new DeliveryOptions().setSendTimeout(5_000));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static JsonObject workout(Person athlete) {
    JsonObject plan = platform.plan(athlete.token(), "2026-03-02", "2026-03-29");
    return platform.workout(athlete.token(), plan, "long_run", "2026-03-08", 21.0);
  }

  @Test
  void aWorkoutDoneWithAStravaRunAnswersThatRunFirst() {
    Person athlete = platform.person();
    JsonObject workout = workout(athlete);
    platform.run(athlete.token(), workout.getString("id"), "2026-03-08", 10, 55);
    JsonObject strava = platform.runImports().importRun(athlete.id(), new JsonObject()
        .put("strava_activity_id", ACTIVITIES.incrementAndGet()).put("workout_id", workout.getString("id"))
        .put("actual_date", "2026-03-08").put("distance_km", 21).put("duration_minutes", 110)).await().getJsonObject("run");

    JsonObject done = doneWorkouts.doneWorkout(athlete.id(), workout.getString("id")).await();

    assertThat(done.getJsonObject("workout").getString("id")).isEqualTo(workout.getString("id"));
    assertThat(done.getJsonObject("run").getString("id")).isEqualTo(strava.getString("id"));
  }

  @Test
  void aWorkoutNotDoneAnswersNoRunAndItsCompliance() {
    Person athlete = platform.person();
    JsonObject workout = workout(athlete);

    JsonObject done = doneWorkouts.doneWorkout(athlete.id(), workout.getString("id")).await();

    assertThat(done.getValue("run")).isNull();
    assertThat(done.getJsonObject("workout").getJsonObject("compliance").getString("status")).isEqualTo("missed");
  }

  @Test
  void aCoachWhoReadsTheWorkoutDoesNotGetIt() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    platform.share(athlete, coach, "read_write", true);
    JsonObject workout = workout(athlete);

    assertThatThrownBy(() -> doneWorkouts.doneWorkout(coach.id(), workout.getString("id")).await())
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failureCode()).isEqualTo(404));
  }

  @Test
  void anotherUsersWorkoutIsNotFound() {
    JsonObject workout = workout(platform.person());

    assertThatThrownBy(() -> doneWorkouts.doneWorkout(platform.person().id(), workout.getString("id")).await())
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failureCode()).isEqualTo(404));
  }

  @Test
  void aWorkoutIdThatIsNotAUuidIsABadRequest() {
    assertThatThrownBy(() -> doneWorkouts.doneWorkout(platform.person().id(), "not-a-uuid").await())
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failureCode()).isEqualTo(400));
  }
}
