package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.auth.admin.AdminBootstrap;
import com.runningtrainer.common.config.Settings;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A token revoked at auth stops working at the trainer at once, though the trainer verified it before. */
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

    assertThat(platform.auth.post("/api/v1/auth/logout", token, null).statusCode()).isEqualTo(204);

    assertProblem(platform.trainer.get("/api/v1/plans", token), 401);
  }

  @Test
  void aDisabledAccountsTokenIsRefusedByTheTrainer() {
    String adminEmail = "admin-" + java.util.UUID.randomUUID() + "@example.com";
    JsonObject credentials = new JsonObject().put("email", adminEmail).put("password", "correct horse battery");
    platform.auth.post("/api/v1/auth/register", null, credentials);
    AdminBootstrap.makeAdmin(platform.vertx, Settings.from(platform.config), adminEmail).await();
    String admin = platform.auth.post("/api/v1/auth/login", null, credentials).bodyAsJsonObject().getString("access_token");
    String token = platform.newUser();
    String userId = platform.auth.get("/api/v1/auth/me", token).bodyAsJsonObject().getString("id");
    assertThat(platform.trainer.get("/api/v1/plans", token).statusCode()).isEqualTo(200);

    assertThat(platform.auth.post("/api/v1/auth/admin/users/" + userId + "/disable", admin, null).statusCode()).isEqualTo(204);

    assertProblem(platform.trainer.get("/api/v1/plans", token), 401);
  }

  @Test
  void aTokenOfAnEndedSessionIsRefusedByTheTrainer() {
    String token = platform.newUser();
    assertThat(platform.trainer.get("/api/v1/runs", token).statusCode()).isEqualTo(200);

    assertThat(platform.auth.delete("/api/v1/auth/sessions", token).statusCode()).isEqualTo(204);

    assertProblem(platform.trainer.get("/api/v1/runs", token), 401);
  }
}
