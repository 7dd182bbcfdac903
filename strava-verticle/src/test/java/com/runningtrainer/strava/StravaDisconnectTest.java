package com.runningtrainer.strava;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import com.runningtrainer.testsupport.FakeStrava.Athlete;
import com.runningtrainer.testsupport.FakeStrava.Failure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Disconnecting revokes the authorization at Strava, then deletes the connection and its tokens;
 * it touches the caller's connection only.
 */
class StravaDisconnectTest {

  private static StravaPlatform platform;

  @BeforeAll
  static void start() {
    platform = StravaPlatform.start(StravaDisconnectTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @AfterEach
  void stravaAnswersNormally() {
    platform.fake.revokeMissing(false);
    platform.fake.failTokens(null);
  }

  @Test
  void disconnectingRevokesAtStravaAndDeletesTheConnection() {
    Person runner = platform.person();
    platform.connect(runner, Athlete.next("Leaving", "Strava"));
    String access = platform.seal().open(platform.row(runner).getString("access_token"));

    var response = platform.strava.delete("/api/v1/strava/connection", runner.token());

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(platform.fake.isRevoked(access)).isTrue();
    assertThat(platform.row(runner)).isNull();
    assertProblem(platform.connection(runner), 404);
  }

  @Test
  void withoutARevokeEndpointTheOlderDeauthorizeIsUsed() {
    Person runner = platform.person();
    platform.connect(runner, Athlete.next("Old", "Endpoint"));
    String access = platform.seal().open(platform.row(runner).getString("access_token"));
    platform.fake.revokeMissing(true);

    assertThat(platform.strava.delete("/api/v1/strava/connection", runner.token()).statusCode()).isEqualTo(204);

    assertThat(platform.fake.isRevoked(access)).isTrue();
    assertThat(platform.row(runner)).isNull();
  }

  @Test
  void aConnectionStravaAlreadyRefusesIsStillDeleted() {
    Person runner = platform.person();
    Athlete athlete = Athlete.next("Gone", "Already");
    platform.connect(runner, athlete);
    platform.fake.deauthorizeAtStrava(athlete.id());

    assertThat(platform.strava.delete("/api/v1/strava/connection", runner.token()).statusCode()).isEqualTo(204);

    assertThat(platform.row(runner)).isNull();
  }

  @Test
  void aDisconnectNeedingARefreshThatStravaRefusesStillDeletes() {
    Person runner = platform.person();
    platform.connect(runner, Athlete.next("Refused", "Refresh"));
    platform.expireIn(runner, 60);
    platform.fake.failTokens(Failure.INVALID_GRANT);

    assertThat(platform.strava.delete("/api/v1/strava/connection", runner.token()).statusCode()).isEqualTo(204);

    assertThat(platform.row(runner)).isNull();
  }

  @Test
  void disconnectingTouchesOnlyTheCallersConnection() {
    Person one = platform.person();
    Person two = platform.person();
    platform.connect(one, Athlete.next("Stays", "Connected"));
    platform.connect(two, Athlete.next("Goes", "Away"));

    assertThat(platform.strava.delete("/api/v1/strava/connection", two.token()).statusCode()).isEqualTo(204);

    assertThat(platform.connection(one).statusCode()).isEqualTo(200);
    assertProblem(platform.connection(two), 404);
  }

  @Test
  void disconnectingWithoutAConnectionIs404() {
    assertProblem(platform.strava.delete("/api/v1/strava/connection", platform.person().token()), 404);
  }
}
