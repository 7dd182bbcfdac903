package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Strava brought leaves the log again (an activity deleted at Strava, an athlete who
 * disconnects): the Strava runs go, hand-recorded runs stay, unlinked from their activity.
 */
class StravaRunRemovalTest {

  private static final AtomicLong ACTIVITIES = new AtomicLong(8_000_000_000L);

  private static TrainerPlatform platform;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(StravaRunRemovalTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static List<String> runIds(Person athlete) {
    return platform.trainer.get("/api/v1/runs", athlete.token()).bodyAsJsonObject().getJsonArray("items").stream()
        .map(run -> ((JsonObject) run).getString("id")).toList();
  }

  @Test
  void removingAnActivityDeletesTheStravaRunItMade() {
    Person athlete = platform.person();
    long activity = ACTIVITIES.incrementAndGet();
    JsonObject run = platform.stravaRun(athlete, activity, "2026-03-05", 12, 60);

    JsonObject answer = platform.runImports().removeImportedRun(athlete.id(), activity).await();

    assertThat(answer.getString("removed")).isEqualTo(run.getString("id"));
    assertThat(answer.getValue("unlinked")).isNull();
    assertProblem(platform.trainer.get("/api/v1/runs/" + run.getString("id"), athlete.token()), 404);
  }

  @Test
  void removingAnActivityKeepsTheHandRecordedRunLinkedToItUnlinked() {
    Person athlete = platform.person();
    JsonObject manual = platform.run(athlete.token(), null, "2026-03-03", 10, 50);
    long activity = ACTIVITIES.incrementAndGet();
    platform.importActivity(athlete, activity, "2026-03-03", 10.1, 51);

    JsonObject answer = platform.runImports().removeImportedRun(athlete.id(), activity).await();

    JsonObject kept = platform.trainer.get("/api/v1/runs/" + manual.getString("id"), athlete.token()).bodyAsJsonObject();
    assertThat(answer.getValue("removed")).isNull();
    assertThat(answer.getString("unlinked")).isEqualTo(manual.getString("id"));
    assertThat(kept.getValue("strava_activity_id")).isNull();
    assertThat(kept.getDouble("distance_km")).isEqualTo(10.0);
  }

  @Test
  void removingAnActivityTwiceChangesNothingTheSecondTime() {
    Person athlete = platform.person();
    long activity = ACTIVITIES.incrementAndGet();
    platform.stravaRun(athlete, activity, "2026-03-05", 12, 60);
    platform.runImports().removeImportedRun(athlete.id(), activity).await();

    JsonObject again = platform.runImports().removeImportedRun(athlete.id(), activity).await();

    assertThat(again.getValue("removed")).isNull();
    assertThat(again.getValue("unlinked")).isNull();
  }

  @Test
  void removingAnotherUsersActivityLeavesTheirRun() {
    Person athlete = platform.person();
    Person other = platform.person();
    long activity = ACTIVITIES.incrementAndGet();
    JsonObject run = platform.stravaRun(athlete, activity, "2026-03-05", 12, 60);

    JsonObject answer = platform.runImports().removeImportedRun(other.id(), activity).await();

    assertThat(answer.getValue("removed")).isNull();
    assertThat(runIds(athlete)).containsExactly(run.getString("id"));
  }

  @Test
  void purgingDeletesEveryStravaRunAndKeepsTheHandRecordedOnesUnlinked() {
    Person athlete = platform.person();
    JsonObject manual = platform.run(athlete.token(), null, "2026-03-03", 10, 50);
    JsonObject untouched = platform.run(athlete.token(), null, "2026-03-10", 8, 40);
    platform.importActivity(athlete, ACTIVITIES.incrementAndGet(), "2026-03-03", 10.1, 51);
    platform.stravaRun(athlete, ACTIVITIES.incrementAndGet(), "2026-03-05", 12, 60);
    platform.stravaRun(athlete, ACTIVITIES.incrementAndGet(), "2026-03-07", 21, 110);

    JsonObject answer = platform.runImports().purgeImportedRuns(athlete.id()).await();

    assertThat(answer.getLong("removed")).isEqualTo(2);
    assertThat(answer.getLong("unlinked")).isEqualTo(1);
    assertThat(runIds(athlete)).containsExactly(untouched.getString("id"), manual.getString("id"));
    assertThat(platform.trainer.get("/api/v1/runs/" + manual.getString("id"), athlete.token()).bodyAsJsonObject()
        .getValue("strava_activity_id")).isNull();
  }

  @Test
  void purgingOneUserLeavesAnotherUsersStravaRuns() {
    Person athlete = platform.person();
    Person other = platform.person();
    JsonObject theirs = platform.stravaRun(other, ACTIVITIES.incrementAndGet(), "2026-03-05", 12, 60);
    platform.stravaRun(athlete, ACTIVITIES.incrementAndGet(), "2026-03-05", 12, 60);

    platform.runImports().purgeImportedRuns(athlete.id()).await();

    assertThat(runIds(athlete)).isEmpty();
    assertThat(runIds(other)).containsExactly(theirs.getString("id"));
  }

  @Test
  void anOwnerThatIsNotAUserIdIsRefused() {
    assertThatThrownBy(() -> platform.runImports().purgeImportedRuns("not-a-user").await())
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failureCode()).isEqualTo(401));
  }
}
