package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import com.runningtrainer.testsupport.TestAccounts;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invitations are mails that someone else receives: how many one athlete sends, and how many one
 * address receives, are limited, so that inviting, revoking and inviting again bombs nobody.
 */
class InvitationThrottleTest {

  private static TrainerPlatform platform;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(InvitationThrottleTest.class, Map.of(
        "INVITE_LIMIT_PER_INVITER", "2", "INVITE_LIMIT_PER_RECIPIENT", "2", "INVITE_LIMIT_WINDOW_SECONDS", "3600"));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static JsonObject invitation(String email) {
    return new JsonObject().put("coach_email", email).put("access", "read");
  }

  private static void inviteAndRevoke(Person athlete, String email) {
    JsonObject share = platform.create("/api/v1/shares", athlete.token(), invitation(email));
    platform.trainer.delete("/api/v1/shares/" + share.getString("id"), athlete.token());
  }

  @Test
  void anAthleteInvitingAgainAndAgainIsRefusedWith429AndRetryAfter() {
    Person athlete = platform.person();
    String victim = TestAccounts.newEmail();
    inviteAndRevoke(athlete, victim);
    inviteAndRevoke(athlete, victim);

    var refused = platform.trainer.post("/api/v1/shares", athlete.token(), invitation(victim));

    assertProblem(refused, 429);
    assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 3600);
    assertThat(platform.auth.invitations()).filteredOn(sent -> sent.getString("coach_email").equals(victim)).hasSize(2);
  }

  @Test
  void oneAddressInvitedByManyAthletesIsRefusedWith429() {
    String victim = TestAccounts.newEmail();
    platform.create("/api/v1/shares", platform.person().token(), invitation(victim));
    platform.create("/api/v1/shares", platform.person().token(), invitation(victim));

    assertProblem(platform.trainer.post("/api/v1/shares", platform.person().token(), invitation(victim)), 429);
  }
}
