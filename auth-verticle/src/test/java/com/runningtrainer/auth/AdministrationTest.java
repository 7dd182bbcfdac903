package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.runningtrainer.auth.admin.AdminBootstrap;
import com.runningtrainer.auth.api.AuthEvents;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.testsupport.TestAccounts;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Roles, and what an admin may do to accounts; everyone else may not. */
class AdministrationTest {

  private static AuthPlatform platform;
  private static String admin;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(AdministrationTest.class);
    admin = adminToken();
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static String adminToken() {
    String email = TestAccounts.newEmail();
    platform.newUser(email);
    AdminBootstrap.makeAdmin(platform.vertx, Settings.from(platform.config()), email).await();
    return platform.tokenOf(email);
  }

  private static JsonObject athlete() {
    String email = TestAccounts.newEmail();
    return platform.newUser(email).put("email", email);
  }

  private static String roles(String userId) {
    return "/api/v1/auth/admin/users/" + userId + "/roles/";
  }

  @Test
  void anAthleteMayNotAdminister() {
    JsonObject ann = athlete();
    String token = platform.tokenOf(ann.getString("email"));

    assertProblem(platform.http.get("/api/v1/auth/admin/users", token), 403);
    assertProblem(platform.http.put(roles(ann.getString("id")) + "admin", token, null), 403);
  }

  @Test
  void anAdminListsAccountsNarrowedByEmail() {
    JsonObject ann = athlete();

    JsonObject page = platform.http.get("/api/v1/auth/admin/users?email=" + ann.getString("email"), admin).bodyAsJsonObject();

    assertThat(page.getLong("total")).isEqualTo(1);
    assertThat(page.getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(ann.getString("id"));
  }

  @Test
  void anEmailFilterTakesAPlusSentAsPercent2BAndABarePlusAsASpace() {
    String tag = UUID.randomUUID().toString();
    platform.newUser("runner+" + tag + "@example.com");

    JsonObject encoded = platform.http.get("/api/v1/auth/admin/users?email=%2B" + tag, admin).bodyAsJsonObject();
    JsonObject bare = platform.http.get("/api/v1/auth/admin/users?email=+" + tag, admin).bodyAsJsonObject();

    assertThat(encoded.getLong("total")).isEqualTo(1);
    assertThat(bare.getLong("total")).isZero();
  }

  @Test
  void anEmailFilterOfAPercentSignIsTakenLiterally() {
    athlete();

    var response = platform.http.get("/api/v1/auth/admin/users?email=%25", admin);

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getLong("total")).isZero();
  }

  @Test
  void aBarePercentSignInTheQueryIsABadRequestNamingTheParameter() {
    assertFieldProblem(platform.http.get("/api/v1/auth/admin/users?email=50%", admin), 400, "email");
  }

  @Test
  void aGrantedRoleComesWithTheNextToken() {
    JsonObject coach = athlete();

    assertThat(platform.http.put(roles(coach.getString("id")) + "coach", admin, null).statusCode()).isEqualTo(204);

    String token = platform.tokenOf(coach.getString("email"));
    assertThat(Jwt.decode(token).payload().getJsonArray("roles")).containsExactly("athlete", "coach");
    assertThat(platform.me(token).bodyAsJsonObject().getJsonArray("roles")).containsExactly("athlete", "coach");
  }

  @Test
  void aRemovedRoleIsGone() {
    JsonObject coach = athlete();
    platform.http.put(roles(coach.getString("id")) + "coach", admin, null);

    assertThat(platform.http.delete(roles(coach.getString("id")) + "coach", admin).statusCode()).isEqualTo(204);

    assertThat(platform.me(platform.tokenOf(coach.getString("email"))).bodyAsJsonObject().getJsonArray("roles"))
        .containsExactly("athlete");
  }

  @Test
  void everyAccountStaysAnAthlete() {
    JsonObject ann = athlete();

    assertProblem(platform.http.delete(roles(ann.getString("id")) + "athlete", admin), 400);
  }

  @Test
  void anUnknownAccountIsNotFound() {
    assertProblem(platform.http.put(roles("00000000-0000-4000-8000-000000000000") + "coach", admin, null), 404);
  }

  @Test
  void disablingAnAccountStopsItsTokensAndItsLoginsAtOnce() {
    JsonObject ann = athlete();
    JsonObject session = platform.session(ann.getString("email"), "phone");
    assertThat(platform.me(session.getString("access_token")).statusCode()).isEqualTo(200);

    assertThat(platform.http.post("/api/v1/auth/admin/users/" + ann.getString("id") + "/disable", admin, null).statusCode())
        .isEqualTo(204);

    assertProblem(platform.me(session.getString("access_token")), 401);
    assertProblem(platform.refresh(session.getString("refresh_token")), 401);
    assertProblem(platform.login(ann.getString("email"), TestAccounts.PASSWORD), 403);
  }

  @Test
  void anEnabledAccountLogsInAgain() throws InterruptedException {
    JsonObject ann = athlete();
    platform.http.post("/api/v1/auth/admin/users/" + ann.getString("id") + "/disable", admin, null);

    platform.http.post("/api/v1/auth/admin/users/" + ann.getString("id") + "/enable", admin, null);

    // Tokens issued in the second of the disabling are revoked with it (iat has second precision).
    Thread.sleep(1100);
    assertThat(platform.me(platform.tokenOf(ann.getString("email"))).statusCode()).isEqualTo(200);
  }

  @Test
  void anAdminWhoseRoleIsRemovedLosesThePowerAtOnce() {
    String other = adminToken();
    String otherId = Jwt.decode(other).payload().getString("sub");

    platform.http.delete(roles(otherId) + "admin", admin);

    assertProblem(platform.http.get("/api/v1/auth/admin/users", other), 403);
  }

  @Test
  void anAdminStepsDownWhileAnotherAdminRemains() {
    String other = adminToken();
    String otherId = Jwt.decode(other).payload().getString("sub");

    assertThat(platform.http.delete(roles(otherId) + "admin", other).statusCode()).isEqualTo(204);
  }

  @Test
  void makingADisabledAccountAdminEnablesItAgain() throws InterruptedException {
    JsonObject ann = athlete();
    platform.http.put(roles(ann.getString("id")) + "admin", admin, null);
    platform.http.post("/api/v1/auth/admin/users/" + ann.getString("id") + "/disable", admin, null);

    AdminBootstrap.makeAdmin(platform.vertx, Settings.from(platform.config()), ann.getString("email")).await();

    // Tokens issued in the second of the disabling are revoked with it (iat has second precision).
    Thread.sleep(1100);
    assertThat(platform.http.get("/api/v1/auth/admin/users", platform.tokenOf(ann.getString("email"))).statusCode())
        .isEqualTo(200);
  }

  /** The user id of the first message on {@code auth.coach-lost} after {@code action}. */
  private static String firstCoachLost(Runnable action) throws Exception {
    CompletableFuture<String> first = new CompletableFuture<>();
    MessageConsumer<JsonObject> consumer = platform.vertx.eventBus()
        .consumer(AuthEvents.COACH_LOST, message -> first.complete(message.body().getString("user_id")));
    consumer.completion().await();
    try {
      action.run();
      return first.get(5, TimeUnit.SECONDS);
    } finally {
      consumer.unregister().await();
    }
  }

  @Test
  void removingTheCoachRolePublishesThatTheUserIsNoLongerACoach() throws Exception {
    JsonObject coach = athlete();
    platform.http.put(roles(coach.getString("id")) + "coach", admin, null);

    String lost = firstCoachLost(() -> platform.http.delete(roles(coach.getString("id")) + "coach", admin));

    assertThat(lost).isEqualTo(coach.getString("id"));
  }

  @Test
  void disablingAnAccountPublishesThatTheUserIsNoLongerACoach() throws Exception {
    JsonObject ann = athlete();

    String lost = firstCoachLost(() -> platform.http.post("/api/v1/auth/admin/users/" + ann.getString("id") + "/disable",
        admin, null));

    assertThat(lost).isEqualTo(ann.getString("id"));
  }

  @Test
  void removingTheAdminRolePublishesNothing() throws Exception {
    JsonObject coachAndAdmin = athlete();
    platform.http.put(roles(coachAndAdmin.getString("id")) + "coach", admin, null);
    platform.http.put(roles(coachAndAdmin.getString("id")) + "admin", admin, null);
    JsonObject marker = athlete();

    // What the first removal published would arrive before the second's message.
    String lost = firstCoachLost(() -> {
      platform.http.delete(roles(coachAndAdmin.getString("id")) + "admin", admin);
      platform.http.delete(roles(marker.getString("id")) + "coach", admin);
    });

    assertThat(lost).isEqualTo(marker.getString("id"));
  }

  @Test
  void theFirstAdminNeedsARegisteredAccount() {
    assertThatThrownBy(() -> AdminBootstrap.makeAdmin(platform.vertx, Settings.from(platform.config()), "nobody@example.com")
        .await()).hasMessageContaining("not found");
  }
}
