package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A user who loses the coach role, or whose account is disabled, loses the athletes who share
 * with them: at once when the trainer hears it from auth, at the trainer's next start otherwise.
 */
class CoachRoleLossTest {

  private static TrainerPlatform platform;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(CoachRoleLossTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static String plan(JsonObject plan) {
    return "/api/v1/plans/" + plan.getString("id");
  }

  @Test
  void givenAnActiveShareWhenAnAdminRemovesTheCoachRoleThenTheCoachNoLongerReadsTheAthletesPlan() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    JsonObject share = platform.share(athlete, coach, "read_write", false);
    JsonObject plan = platform.plan(athlete.token(), "2026-03-02", "2026-03-29");
    assertThat(platform.trainer.get(plan(plan), coach.token()).statusCode()).isEqualTo(200);

    platform.removeCoach(coach);

    platform.awaitStatus(athlete, share, "revoked");
    assertProblem(platform.trainer.get(plan(plan), coach.token()), 404);
  }

  @Test
  void givenAnActiveShareWhenAnAdminDisablesTheCoachThenTheShareIsRevoked() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    JsonObject share = platform.share(athlete, coach, "read", false);

    platform.disable(coach);

    platform.awaitStatus(athlete, share, "revoked");
  }

  @Test
  void givenACoachWhoIsAlsoAnAdminWhenTheAdminRoleIsRemovedThenTheShareStaysActive() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    platform.grantRole(coach, "admin");
    JsonObject share = platform.share(athlete, coach, "read", false);
    JsonObject plan = platform.plan(athlete.token(), "2026-03-02", "2026-03-29");

    platform.removeRole(coach, "admin");

    // A coach removed afterwards is handled after anything the first removal could have caused.
    Person marker = platform.person();
    Person markerCoach = platform.coach();
    JsonObject markerShare = platform.share(marker, markerCoach, "read", false);
    platform.removeCoach(markerCoach);
    platform.awaitStatus(marker, markerShare, "revoked");
    assertThat(platform.statusInAthletesList(athlete, share)).isEqualTo("active");
    assertThat(platform.trainer.get(plan(plan), coach.token()).statusCode()).isEqualTo(200);
  }

  @Test
  void givenTheCoachRoleRemovedWhileTheTrainerWasDownWhenTheTrainerStartsThenTheShareIsRevoked() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    Person stillCoach = platform.coach();
    JsonObject lost = platform.share(athlete, coach, "read", false);
    JsonObject kept = platform.share(athlete, stillCoach, "read", false);
    platform.stopTrainer();
    platform.removeCoach(coach);

    platform.startTrainer();

    platform.awaitStatus(athlete, lost, "revoked");
    assertThat(platform.statusInAthletesList(athlete, kept)).isEqualTo("active");
  }
}
