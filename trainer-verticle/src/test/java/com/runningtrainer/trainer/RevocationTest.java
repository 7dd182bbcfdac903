package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A token auth revoked stops working at the trainer at once, though the trainer verified it before. */
class RevocationTest {

  private static TrainerPlatform platform;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(RevocationTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void aLoggedOutTokenIsRefusedByTheTrainer() {
    String token = platform.newUser();
    assertThat(platform.trainer.get("/api/v1/plans", token).statusCode()).isEqualTo(200);

    platform.auth.logout(token);

    assertProblem(platform.trainer.get("/api/v1/plans", token), 401);
  }

  @Test
  void aDisabledAccountsTokenIsRefusedByTheTrainer() {
    Person person = platform.person();
    assertThat(platform.trainer.get("/api/v1/plans", person.token()).statusCode()).isEqualTo(200);

    platform.disable(person);

    assertProblem(platform.trainer.get("/api/v1/plans", person.token()), 401);
  }

  @Test
  void aTokenOfAnEndedSessionIsRefusedByTheTrainer() {
    String token = platform.newUser();
    assertThat(platform.trainer.get("/api/v1/runs", token).statusCode()).isEqualTo(200);

    platform.auth.endSession(token);

    assertProblem(platform.trainer.get("/api/v1/runs", token), 401);
  }
}
