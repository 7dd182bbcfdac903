package com.runningtrainer.trainer;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An athlete invites a coach, the coach accepts, either ends it: the life of a share. */
class ShareApiTest {

  private static TrainerPlatform platform;

  @BeforeAll
  static void start() {
    platform = TrainerPlatform.start(ShareApiTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static JsonObject invitation(String email, String access) {
    return new JsonObject().put("coach_email", email).put("access", access);
  }

  private static String accept(JsonObject share) {
    return "/api/v1/coaching/invitations/" + share.getString("id") + "/accept";
  }

  @Test
  void invitingACoachAnswersAPendingShareWithTheEmailLowerCased() {
    Person athlete = platform.person();
    Person coach = platform.coach();

    var response = platform.trainer.post("/api/v1/shares", athlete.token(),
        invitation(coach.email().toUpperCase(Locale.ROOT), "read"));

    assertThat(response.statusCode()).isEqualTo(201);
    JsonObject share = response.bodyAsJsonObject();
    assertThat(response.getHeader("Location")).isEqualTo("/api/v1/shares/" + share.getString("id"));
    assertThat(share.getString("status")).isEqualTo("pending");
    assertThat(share.getString("coach_email")).isEqualTo(coach.email());
    assertThat(share.getString("athlete_id")).isEqualTo(athlete.id());
    assertThat(share.getValue("coach_id")).isNull();
    assertThat(share.getBoolean("share_strava_runs")).isFalse();
    assertThat(share.getBoolean("notified")).isTrue();
  }

  @Test
  void theAthleteAndTheAcceptingCoachReadTheShareWhereItsLocationSays() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    var invited = platform.trainer.post("/api/v1/shares", athlete.token(), invitation(coach.email(), "read"));
    String location = invited.getHeader("Location");
    assertProblem(platform.trainer.get(location, coach.token()), 404);

    platform.trainer.post(accept(invited.bodyAsJsonObject()), coach.token(), null);

    assertThat(platform.trainer.get(location, athlete.token()).bodyAsJsonObject().getString("status")).isEqualTo("active");
    assertThat(platform.trainer.get(location, coach.token()).bodyAsJsonObject().getString("status")).isEqualTo("active");
    assertProblem(platform.trainer.get(location, platform.person().token()), 404);
  }

  @Test
  void anInvitationToAnUnregisteredEmailAnswersTheSameWay() {
    Person athlete = platform.person();
    Person registered = platform.coach();

    JsonObject toAccount = platform.create("/api/v1/shares", athlete.token(), invitation(registered.email(), "read"));
    JsonObject toNobody = platform.create("/api/v1/shares", athlete.token(),
        invitation("nobody-" + UUID.randomUUID() + "@example.com", "read"));

    assertThat(toNobody.fieldNames()).isEqualTo(toAccount.fieldNames());
    assertThat(toNobody.getString("status")).isEqualTo(toAccount.getString("status"));
    assertThat(toNobody.getBoolean("notified")).isEqualTo(toAccount.getBoolean("notified"));
  }

  @Test
  void anAthleteWhoseEmailIsUnverifiedMayNotInviteAndIsToldWhy() {
    Person athlete = platform.unverifiedPerson();
    String coachEmail = platform.coach().email();

    JsonObject problem = assertProblem(platform.trainer.post("/api/v1/shares", athlete.token(), invitation(coachEmail, "read")),
        403);

    assertThat(problem.getString("detail")).contains("verified email");
    assertThat(platform.auth.invitations()).noneMatch(sent -> sent.getString("athlete_id").equals(athlete.id()));
  }

  @Test
  void invitingYourselfIsRefused() {
    Person athlete = platform.person();

    assertFieldProblem(platform.trainer.post("/api/v1/shares", athlete.token(), invitation(athlete.email(), "read")), 422,
        "coach_email");
  }

  @Test
  void aSecondLiveShareWithTheSameEmailIsAConflict() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    platform.invite(athlete, coach, "read", false);

    assertProblem(platform.trainer.post("/api/v1/shares", athlete.token(), invitation(coach.email(), "read_write")), 409);
  }

  @Test
  void aRevokedShareMakesRoomForANewInvitation() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    JsonObject first = platform.invite(athlete, coach, "read", false);
    platform.trainer.delete("/api/v1/shares/" + first.getString("id"), athlete.token());

    assertThat(platform.trainer.post("/api/v1/shares", athlete.token(), invitation(coach.email(), "read")).statusCode())
        .isEqualTo(201);
  }

  @Test
  void anUnknownAccessIsABadRequest() {
    Person athlete = platform.person();

    assertFieldProblem(platform.trainer.post("/api/v1/shares", athlete.token(), invitation("c@example.com", "admin")), 400,
        "access");
  }

  @Test
  void theAthleteListsTheirSharesNewestFirstInPages() {
    Person athlete = platform.person();
    JsonObject older = platform.invite(athlete, platform.coach(), "read", false);
    JsonObject newer = platform.invite(athlete, platform.coach(), "read_write", true);

    JsonObject page = platform.trainer.get("/api/v1/shares?limit=1", athlete.token()).bodyAsJsonObject();

    assertThat(page.getLong("total")).isEqualTo(2);
    assertThat(page.getInteger("limit")).isEqualTo(1);
    assertThat(page.getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(newer.getString("id"));
    assertThat(older.getString("id")).isNotEqualTo(newer.getString("id"));
  }

  @Test
  void theAthleteChangesAccessAndTheStravaOptIn() {
    Person athlete = platform.person();
    JsonObject share = platform.invite(athlete, platform.coach(), "read", false);

    var changed = platform.trainer.request(HttpMethod.PATCH, "/api/v1/shares/" + share.getString("id"), athlete.token())
        .sendJsonObject(new JsonObject().put("access", "read_write").put("share_strava_runs", true)).await();

    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.bodyAsJsonObject().getString("access")).isEqualTo("read_write");
    assertThat(changed.bodyAsJsonObject().getBoolean("share_strava_runs")).isTrue();
  }

  @Test
  void anotherUserNeitherChangesNorRevokesTheShare() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    JsonObject share = platform.invite(athlete, coach, "read", false);
    Person stranger = platform.person();

    assertProblem(platform.trainer.request(HttpMethod.PATCH, "/api/v1/shares/" + share.getString("id"), stranger.token())
        .sendJsonObject(new JsonObject().put("access", "read_write")).await(), 404);
    assertProblem(platform.trainer.delete("/api/v1/shares/" + share.getString("id"), stranger.token()), 404);
    // Invited, not yet accepted: the coach ends nothing either.
    assertProblem(platform.trainer.delete("/api/v1/shares/" + share.getString("id"), coach.token()), 404);
  }

  @Test
  void aCoachSeesTheInvitationsToTheirEmailWithTheAthletesName() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    JsonObject share = platform.invite(athlete, coach, "read", false);
    platform.invite(athlete, platform.coach(), "read", false);

    JsonObject page = platform.trainer.get("/api/v1/coaching/invitations", coach.token()).bodyAsJsonObject();

    assertThat(page.getLong("total")).isEqualTo(1);
    JsonObject item = page.getJsonArray("items").getJsonObject(0);
    assertThat(item.getString("id")).isEqualTo(share.getString("id"));
    assertThat(item.getString("athlete_email")).isEqualTo(athlete.email());
  }

  @Test
  void aCallerWhoseEmailIsUnverifiedSeesNoInvitations() {
    Person unverified = platform.unverifiedPerson();
    platform.grantCoach(unverified);

    assertProblem(platform.trainer.get("/api/v1/coaching/invitations", unverified.token()), 403);
  }

  @Test
  void aCoachAcceptsAndTheShareIsActive() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    JsonObject share = platform.invite(athlete, coach, "read_write", false);

    var accepted = platform.trainer.post(accept(share), coach.token(), null);

    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(accepted.bodyAsJsonObject().getString("status")).isEqualTo("active");
    assertThat(accepted.bodyAsJsonObject().getString("coach_id")).isEqualTo(coach.id());
    assertThat(accepted.bodyAsJsonObject().getString("accepted_at")).isNotNull();
  }

  @Test
  void anInvitationToAnotherEmailIsAbsent() {
    Person athlete = platform.person();
    JsonObject share = platform.invite(athlete, platform.coach(), "read", false);
    Person otherCoach = platform.coach();

    assertProblem(platform.trainer.post(accept(share), otherCoach.token(), null), 404);
  }

  @Test
  void acceptingWithAnUnverifiedEmailIsForbiddenAndSaysSo() {
    Person athlete = platform.person();
    Person coach = platform.unverifiedPerson();
    platform.grantCoach(coach);
    JsonObject share = platform.invite(athlete, coach, "read", false);

    JsonObject problem = assertProblem(platform.trainer.post(accept(share), coach.token(), null), 403);

    assertThat(problem.getString("detail")).contains("verified email");
  }

  @Test
  void acceptingWithoutTheCoachRoleIsForbiddenAndSaysSo() {
    Person athlete = platform.person();
    Person notACoach = platform.person();
    JsonObject share = platform.invite(athlete, notACoach, "read", false);

    JsonObject problem = assertProblem(platform.trainer.post(accept(share), notACoach.token(), null), 403);

    assertThat(problem.getString("detail")).contains("coach role");
  }

  @Test
  void theCoachRoleIsReadFromAuthNowNotFromTheToken() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    JsonObject share = platform.invite(athlete, coach, "read", false);
    // The token was issued while the account was a coach; the role is gone now.
    platform.removeCoach(coach);

    assertProblem(platform.trainer.post(accept(share), coach.token(), null), 403);
  }

  @Test
  void anInvitationIsAcceptedOnce() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    JsonObject share = platform.share(athlete, coach, "read", false);

    assertProblem(platform.trainer.post(accept(share), coach.token(), null), 404);
  }

  @Test
  void aRevokedInvitationCannotBeAccepted() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    JsonObject share = platform.invite(athlete, coach, "read", false);
    platform.trainer.delete("/api/v1/shares/" + share.getString("id"), athlete.token());

    assertProblem(platform.trainer.post(accept(share), coach.token(), null), 404);
  }

  @Test
  void theCoachListsTheirAthletesWithNameAccessAndSince() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    JsonObject share = platform.share(athlete, coach, "read_write", true);

    JsonObject page = platform.trainer.get("/api/v1/coaching/athletes", coach.token()).bodyAsJsonObject();

    assertThat(page.getLong("total")).isEqualTo(1);
    JsonObject item = page.getJsonArray("items").getJsonObject(0);
    assertThat(item.getString("share_id")).isEqualTo(share.getString("id"));
    assertThat(item.getString("athlete_id")).isEqualTo(athlete.id());
    assertThat(item.getString("email")).isEqualTo(athlete.email());
    assertThat(item.getString("access")).isEqualTo("read_write");
    assertThat(item.getBoolean("share_strava_runs")).isTrue();
    assertThat(item.getString("since")).isEqualTo(share.getString("accepted_at"));
  }

  @Test
  void theCoachEndsTheShareAndTheAthleteSeesItRevoked() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    JsonObject share = platform.share(athlete, coach, "read", false);

    assertThat(platform.trainer.delete("/api/v1/shares/" + share.getString("id"), coach.token()).statusCode()).isEqualTo(204);

    JsonObject listed = platform.trainer.get("/api/v1/shares", athlete.token()).bodyAsJsonObject()
        .getJsonArray("items").getJsonObject(0);
    assertThat(listed.getString("status")).isEqualTo("revoked");
    assertThat(listed.getString("revoked_at")).isNotNull();
    assertThat(platform.trainer.get("/api/v1/coaching/athletes", coach.token()).bodyAsJsonObject().getLong("total")).isZero();
  }

  @Test
  void aRevokedShareIsAbsentForTheCoachAndStaysInTheAthletesView() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    JsonObject share = platform.share(athlete, coach, "read_write", false);
    String location = "/api/v1/shares/" + share.getString("id");

    platform.trainer.delete(location, athlete.token());

    assertProblem(platform.trainer.get(location, coach.token()), 404);
    assertThat(platform.trainer.get(location, athlete.token()).bodyAsJsonObject().getString("status")).isEqualTo("revoked");
  }

  @Test
  void revokingTakesEffectAtOnce() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    JsonObject share = platform.share(athlete, coach, "read_write", false);
    JsonObject plan = platform.plan(athlete.token(), "2026-03-02", "2026-03-29");
    assertThat(platform.trainer.get("/api/v1/plans/" + plan.getString("id"), coach.token()).statusCode()).isEqualTo(200);

    platform.trainer.delete("/api/v1/shares/" + share.getString("id"), athlete.token());

    assertProblem(platform.trainer.get("/api/v1/plans/" + plan.getString("id"), coach.token()), 404);
    assertProblem(platform.trainer.get("/api/v1/plans?athlete_id=" + athlete.id(), coach.token()), 404);
  }

  @Test
  void narrowingAccessToReadTakesEffectAtOnce() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    JsonObject share = platform.share(athlete, coach, "read_write", false);
    JsonObject plan = platform.plan(athlete.token(), "2026-03-02", "2026-03-29");
    JsonObject edit = new JsonObject().put("name", "Coach's edit").put("start_date", "2026-03-02").put("end_date", "2026-03-29");
    assertThat(platform.trainer.put("/api/v1/plans/" + plan.getString("id"), coach.token(), edit).statusCode()).isEqualTo(200);

    platform.trainer.request(HttpMethod.PATCH, "/api/v1/shares/" + share.getString("id"), athlete.token())
        .sendJsonObject(new JsonObject().put("access", "read")).await();

    assertProblem(platform.trainer.put("/api/v1/plans/" + plan.getString("id"), coach.token(), edit), 403);
  }

  @Test
  void aCoachCreatesAPlanThatIsTheAthletes() {
    Person athlete = platform.person();
    Person coach = platform.coach();
    platform.share(athlete, coach, "read_write", false);

    JsonObject plan = platform.create("/api/v1/plans?athlete_id=" + athlete.id(), coach.token(),
        new JsonObject().put("name", "Marathon block").put("start_date", "2026-06-01").put("end_date", "2026-08-30"));

    assertThat(plan.getString("owner_id")).isEqualTo(athlete.id());
    assertThat(platform.trainer.get("/api/v1/plans/" + plan.getString("id"), athlete.token()).bodyAsJsonObject())
        .isEqualTo(plan);
    assertThat(platform.trainer.get("/api/v1/plans", coach.token()).bodyAsJsonObject().getLong("total")).isZero();
  }
}
