package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.auth.admin.AdminBootstrap;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.testsupport.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The last enabled admin cannot lock everyone out. This class's database has exactly one admin
 * throughout; that more admins let one step down is in {@link AdministrationTest}.
 */
class LastAdminTest {

  private static AuthPlatform platform;
  private static String adminId;
  private static String admin;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(LastAdminTest.class);
    String email = TestAccounts.newEmail();
    adminId = platform.newUser(email).getString("id");
    AdminBootstrap.makeAdmin(platform.vertx, Settings.from(platform.config()), email).await();
    admin = platform.tokenOf(email);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void theLastAdminCannotDisableThemself() {
    var refused = platform.http.post("/api/v1/auth/admin/users/" + adminId + "/disable", admin, null);

    assertProblem(refused, 409);
    assertThat(refused.bodyAsJsonObject().getString("detail")).contains("last");
    assertThat(platform.http.get("/api/v1/auth/admin/users", admin).statusCode()).isEqualTo(200);
  }

  @Test
  void theLastAdminCannotRemoveTheirOwnAdminRole() {
    var refused = platform.http.delete("/api/v1/auth/admin/users/" + adminId + "/roles/admin", admin);

    assertProblem(refused, 409);
    assertThat(refused.bodyAsJsonObject().getString("detail")).contains("last");
    assertThat(platform.http.get("/api/v1/auth/admin/users", admin).statusCode()).isEqualTo(200);
  }
}
