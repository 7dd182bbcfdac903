package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * While auth does not answer on the event bus: an invitation still stands, unmailed; what needs
 * auth's word about the caller (invitations, accepting) answers 503; the athletes list goes on
 * without names. Coach access itself never asks auth.
 */
class AuthOutageTest {

  private static TrainerPlatform platform;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(AuthOutageTest.class, Map.of("AUTH_CALL_TIMEOUT_MS", "300"));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void whatNeedsAuthWaitsForItAndWhatDoesNotGoesOn() throws Exception {
    Person athlete = platform.person();
    Person coach = platform.coach();
    Person other = platform.coach();
    JsonObject active = platform.share(athlete, coach, "read", false);
    JsonObject pending = platform.invite(platform.person(), other, "read", false);
    JsonObject plan = platform.plan(athlete.token(), "2026-03-02", "2026-03-29");

    try (AutoCloseable outage = platform.authStopsAnswering()) {
      var invited = platform.trainer.post("/api/v1/shares", athlete.token(),
          new JsonObject().put("coach_email", "later@example.com").put("access", "read"));
      assertThat(invited.statusCode()).isEqualTo(201);
      assertThat(invited.bodyAsJsonObject().getString("status")).isEqualTo("pending");
      assertThat(invited.bodyAsJsonObject().getBoolean("notified")).isFalse();

      var invitations = platform.trainer.get("/api/v1/coaching/invitations", other.token());
      assertProblem(invitations, 503);
      assertThat(invitations.getHeader("Retry-After")).isNotNull();
      assertProblem(platform.trainer.post("/api/v1/coaching/invitations/" + pending.getString("id") + "/accept",
          other.token(), null), 503);

      JsonObject athletes = platform.trainer.get("/api/v1/coaching/athletes", coach.token()).bodyAsJsonObject();
      assertThat(athletes.getJsonArray("items").getJsonObject(0).getString("share_id")).isEqualTo(active.getString("id"));
      assertThat(athletes.getJsonArray("items").getJsonObject(0).getValue("email")).isNull();

      assertThat(platform.trainer.get("/api/v1/plans/" + plan.getString("id"), coach.token()).statusCode()).isEqualTo(200);
    }
  }
}
