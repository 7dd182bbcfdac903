package com.runningtrainer.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.runningtrainer.testsupport.FakeAuth.Person;
import com.runningtrainer.trainer.api.PlanPrints;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the pdf service prints, asked over the event bus at {@link PlanPrints#ADDRESS}: the plan,
 * its workouts and runs, with exactly the access of the trainer's own GETs for the caller.
 */
class PlanPrintsTest {

  private static final AtomicLong ACTIVITIES = new AtomicLong(8_000_000_000L);

  private static TrainerPlatform platform;
  private static PlanPrints prints;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(PlanPrintsTest.class);
    prints = PlanPrints.createProxy(platform.vertx, new DeliveryOptions().setSendTimeout(5_000));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  /** An athlete's plan with two workouts, a manual run and a Strava run in it, and a run after it. */
  private record Planned(Person athlete, JsonObject plan, JsonObject manual, JsonObject strava) {
  }

  private static Planned planned() {
    Person athlete = platform.person();
    JsonObject plan = platform.plan(athlete.token(), "2026-03-02", "2026-03-29");
    JsonObject tempo = platform.workout(athlete.token(), plan, "tempo", "2026-03-10", 8.0);
    platform.workout(athlete.token(), plan, "easy_run", "2026-03-03", 5.0);
    JsonObject manual = platform.run(athlete.token(), tempo.getString("id"), "2026-03-10", 8.2, 40);
    JsonObject strava = platform.stravaRun(athlete, ACTIVITIES.incrementAndGet(), "2026-03-12", 12, 65);
    platform.run(athlete.token(), null, "2026-04-15", 5, 30);
    return new Planned(athlete, plan, manual, strava);
  }

  private static List<String> ids(JsonArray items) {
    return items.stream().map(item -> ((JsonObject) item).getString("id")).toList();
  }

  @Test
  void theOwnerGetsThePlanItsWorkoutsInDateOrderAndTheRunsWithinItsDates() {
    Planned planned = planned();

    JsonObject printable = prints.printablePlan(planned.athlete().id(), planned.plan().getString("id"), null).await();

    assertThat(printable.getJsonObject("plan").getString("name")).isEqualTo("Plan");
    assertThat(printable.getJsonArray("workouts").stream().map(w -> ((JsonObject) w).getString("scheduled_date")))
        .containsExactly("2026-03-03", "2026-03-10");
    assertThat(ids(printable.getJsonArray("runs")))
        .containsExactly(planned.manual().getString("id"), planned.strava().getString("id"));
    assertThat(printable.containsKey("athlete_name")).isFalse();
  }

  @Test
  void aCoachWithAShareGetsTheAthletesPlanWithTheirNameButNotTheirStravaRuns() {
    Planned planned = planned();
    Person coach = platform.coach();
    platform.share(planned.athlete(), coach, "read", false);

    JsonObject printable = prints.printablePlan(coach.id(), planned.plan().getString("id"), planned.athlete().id()).await();

    assertThat(printable.getJsonArray("workouts")).hasSize(2);
    assertThat(ids(printable.getJsonArray("runs"))).containsExactly(planned.manual().getString("id"));
    assertThat(printable.getString("athlete_name")).startsWith("Runner ");
  }

  @Test
  void aCoachSeesStravaRunsWhenTheAthleteOptedIn() {
    Planned planned = planned();
    Person coach = platform.coach();
    platform.share(planned.athlete(), coach, "read", true);

    JsonObject printable = prints.printablePlan(coach.id(), planned.plan().getString("id"), null).await();

    assertThat(ids(printable.getJsonArray("runs")))
        .containsExactly(planned.manual().getString("id"), planned.strava().getString("id"));
  }

  @Test
  void aStrangerGets404() {
    Planned planned = planned();
    Person stranger = platform.person();

    assertThatThrownBy(() -> prints.printablePlan(stranger.id(), planned.plan().getString("id"), null).await())
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failureCode()).isEqualTo(404));
  }

  @Test
  void aCoachNamingAnotherAthleteThanThePlansGets404() {
    Planned planned = planned();
    Person coach = platform.coach();
    platform.share(planned.athlete(), coach, "read", false);

    assertThatThrownBy(() -> prints.printablePlan(coach.id(), planned.plan().getString("id"),
        UUID.randomUUID().toString()).await())
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failureCode()).isEqualTo(404));
  }

  @Test
  void aPlanIdThatIsNotAUuidIsABadRequest() {
    Person athlete = platform.person();

    assertThatThrownBy(() -> prints.printablePlan(athlete.id(), "not-a-uuid", null).await())
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failureCode()).isEqualTo(400));
  }
}
