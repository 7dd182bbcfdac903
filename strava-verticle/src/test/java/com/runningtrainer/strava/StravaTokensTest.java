package com.runningtrainer.strava;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.runningtrainer.common.crypto.SecretSeal;
import com.runningtrainer.strava.connect.StravaTokens;
import com.runningtrainer.testsupport.FakeAuth.Person;
import com.runningtrainer.testsupport.FakeStrava.Athlete;
import com.runningtrainer.testsupport.FakeStrava.Failure;
import io.vertx.core.Future;
import io.vertx.serviceproxy.ServiceException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staying connected: the tokens are stored sealed, refreshed when less than an hour is left, one
 * refresh at a time per athlete however many callers (or nodes) need a token at once, always
 * keeping the newest refresh token; a refresh Strava refuses leaves the connection
 * {@code needs_reconnect}, an inactive application {@code app_inactive}.
 */
class StravaTokensTest {

  private static StravaPlatform platform;
  private static StravaTokens tokens;

  @BeforeAll
  static void start() {
    platform = StravaPlatform.start(StravaTokensTest.class);
    tokens = platform.tokens();
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @AfterEach
  void stravaAnswersNormally() {
    platform.fake.failTokens(null);
    platform.fake.refreshDelay(0);
  }

  @Test
  void tokensAreNotStoredInClear() {
    Person runner = platform.person();
    platform.connect(runner, Athlete.next("Sealed", "Tokens"));

    var row = platform.row(runner);

    assertThat(row.getString("access_token")).startsWith(SecretSeal.SEALED);
    assertThat(row.getString("refresh_token")).startsWith(SecretSeal.SEALED);
    String access = platform.seal().open(row.getString("access_token"));
    assertThat(access).hasSize(32);
    assertThat(row.getString("access_token")).doesNotContain(access);
    assertThat(row.getString("refresh_token")).doesNotContain(platform.seal().open(row.getString("refresh_token")));
  }

  @Test
  void theKeyIsMadeInTheDataDirectoryReadableByItsOwnerOnly() throws Exception {
    var file = platform.dataDir.resolve(StravaSettings.TOKEN_KEY_FILE);

    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void aTokenWithMoreThanAnHourLeftIsUsedAsItIs() {
    Person runner = platform.person();
    platform.connect(runner, Athlete.next("Fresh", "Token"));
    int before = platform.fake.refreshes();

    String access = tokens.accessToken(owner(runner)).await();

    assertThat(access).isEqualTo(platform.seal().open(platform.row(runner).getString("access_token")));
    assertThat(platform.fake.refreshes()).isEqualTo(before);
  }

  @Test
  void aTokenWithLessThanAnHourLeftIsRefreshedAndTheNewTokensKept() {
    Person runner = platform.person();
    platform.connect(runner, Athlete.next("Near", "Expiry"));
    String oldRefresh = platform.seal().open(platform.row(runner).getString("refresh_token"));
    platform.expireIn(runner, 1_800);
    int before = platform.fake.refreshes();

    String access = tokens.accessToken(owner(runner)).await();

    assertThat(platform.fake.refreshes()).isEqualTo(before + 1);
    assertThat(platform.fake.lastTokenForm().get("grant_type")).isEqualTo("refresh_token");
    assertThat(platform.fake.lastTokenForm().get("refresh_token")).isEqualTo(oldRefresh);
    var row = platform.row(runner);
    assertThat(platform.seal().open(row.getString("access_token"))).isEqualTo(access);
    assertThat(platform.seal().open(row.getString("refresh_token"))).isNotEqualTo(oldRefresh);
    assertThat(row.getOffsetDateTime("expires_at").toInstant()).isAfter(java.time.Instant.now().plusSeconds(5 * 3600));
  }

  @Test
  void concurrentCallersCauseOneRefreshAndAllGetTheNewestToken() {
    Person runner = platform.person();
    platform.connect(runner, Athlete.next("Many", "Callers"));
    platform.expireIn(runner, 60);
    platform.fake.refreshDelay(200);
    int before = platform.fake.refreshes();
    // Two instances of the service, as two nodes would be, each asked several times at once.
    StravaTokens otherNode = platform.tokens();

    List<Future<String>> asked = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      asked.add(tokens.accessToken(owner(runner)));
      asked.add(otherNode.accessToken(owner(runner)));
    }
    Future.all(asked).await();

    assertThat(platform.fake.refreshes()).isEqualTo(before + 1);
    assertThat(new HashSet<>(asked.stream().map(Future::result).toList())).hasSize(1);
    // The stored refresh token is the newest: the fake accepts only that one.
    platform.fake.refreshDelay(0);
    platform.expireIn(runner, 60);
    assertThat(tokens.accessToken(owner(runner)).await()).isNotEqualTo(asked.get(0).result());
    assertThat(platform.fake.refreshes()).isEqualTo(before + 2);
  }

  @Test
  void aRevokedRefreshTokenLeavesTheConnectionNeedingAReconnect() {
    Person runner = platform.person();
    Athlete athlete = Athlete.next("Revoked", "AtStrava");
    platform.connect(runner, athlete);
    platform.fake.deauthorizeAtStrava(athlete.id());
    platform.expireIn(runner, 60);

    assertThatThrownBy(() -> tokens.accessToken(owner(runner)).await())
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failureCode()).isEqualTo(409));

    assertThat(platform.connection(runner).bodyAsJsonObject().getString("state")).isEqualTo("needs_reconnect");
  }

  @Test
  void a401OnRefreshAlsoNeedsAReconnect() {
    Person runner = platform.person();
    platform.connect(runner, Athlete.next("Unauthorized", "Refresh"));
    platform.expireIn(runner, 60);
    platform.fake.failTokens(Failure.UNAUTHORIZED);

    assertThatThrownBy(() -> tokens.accessToken(owner(runner)).await()).isInstanceOf(ServiceException.class);

    assertThat(platform.connection(runner).bodyAsJsonObject().getString("state")).isEqualTo("needs_reconnect");
  }

  @Test
  void anInactiveApplicationLeavesTheConnectionAppInactive() {
    Person runner = platform.person();
    platform.connect(runner, Athlete.next("Inactive", "App"));
    platform.expireIn(runner, 60);
    platform.fake.failTokens(Failure.APPLICATION_INACTIVE);

    assertThatThrownBy(() -> tokens.accessToken(owner(runner)).await()).isInstanceOf(ServiceException.class);

    assertThat(platform.connection(runner).bodyAsJsonObject().getString("state")).isEqualTo("app_inactive");
  }

  @Test
  void aStravaOutageOnRefreshKeepsTheConnectionAndItsTokens() {
    Person runner = platform.person();
    platform.connect(runner, Athlete.next("Outage", "Refresh"));
    platform.expireIn(runner, 60);
    String refresh = platform.row(runner).getString("refresh_token");
    platform.fake.failTokens(Failure.SERVER_ERROR);

    assertThatThrownBy(() -> tokens.accessToken(owner(runner)).await())
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failureCode()).isEqualTo(502));

    assertThat(platform.row(runner).getString("refresh_token")).isEqualTo(refresh);
    assertThat(platform.row(runner).getString("state")).isEqualTo("connected");
  }

  @Test
  void anExchangeRefusedForAnInactiveApplicationIsAClear503() {
    Person runner = platform.person();
    var back = platform.consent(platform.authorizeUrl(runner), Athlete.next("Inactive", "Exchange"));
    platform.fake.failTokens(Failure.APPLICATION_INACTIVE);

    var problem = assertProblem(platform.callback(back), 503);

    assertThat(problem.getString("detail")).contains("inactive");
    assertProblem(platform.connection(runner), 404);
  }

  private static UUID owner(Person person) {
    return UUID.fromString(person.id());
  }
}
