package com.runningtrainer.strava;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import com.runningtrainer.testsupport.FakeStrava;
import com.runningtrainer.testsupport.FakeStrava.Athlete;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connecting: the caller is sent to Strava with a state of theirs, Strava sends the browser back,
 * and the connection is stored for the user the state was made for, with the scope the athlete
 * granted. A state or a code serves once; nothing is stored when either is refused.
 */
class StravaConnectTest {

  private static StravaPlatform platform;

  @BeforeAll
  static void start() {
    platform = StravaPlatform.start(StravaConnectTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @AfterEach
  void stravaAnswersNormally() {
    platform.fake.grants(null);
  }

  @Test
  void aBrowserIsRedirectedToStravaAskingForEveryScopeWithAStateOfItsOwn() {
    Person runner = platform.person();

    var response = platform.strava.request(HttpMethod.GET, "/api/v1/strava/auth", runner.token())
        .followRedirects(false).send().await();

    assertThat(response.statusCode()).isEqualTo(302);
    String location = response.getHeader("Location");
    assertThat(location).startsWith(platform.fake.baseUrl() + "/oauth/authorize?");
    Map<String, String> query = StravaPlatform.query(location);
    assertThat(query).containsEntry("client_id", FakeStrava.CLIENT_ID)
        .containsEntry("response_type", "code")
        .containsEntry("scope", "read,activity:read_all,activity:write")
        .containsEntry("approval_prompt", "auto")
        .containsEntry("redirect_uri", StravaPlatform.REDIRECT_URL);
    assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(32);
  }

  @Test
  void aWebClientAsksForTheUrlAsJson() {
    Person runner = platform.person();

    String url = platform.authorizeUrl(runner);

    assertThat(url).startsWith(platform.fake.baseUrl() + "/oauth/authorize?").contains("state=");
  }

  @Test
  void connectingWithoutATokenIs401() {
    assertProblem(platform.strava.get("/api/v1/strava/auth", null), 401);
  }

  @Test
  void theWholeRoundTripStoresTheAthleteAndTheGrantedScope() {
    Person runner = platform.person();
    Athlete athlete = Athlete.next("Marianne", "Vos");

    JsonObject connected = platform.connect(runner, athlete);

    assertThat(platform.fake.lastTokenForm().get("client_id")).isEqualTo(FakeStrava.CLIENT_ID);
    assertThat(platform.fake.lastTokenForm().get("client_secret")).isEqualTo(FakeStrava.CLIENT_SECRET);
    assertThat(platform.fake.lastTokenForm().get("grant_type")).isEqualTo("authorization_code");
    JsonObject connection = platform.connection(runner).bodyAsJsonObject();
    assertThat(connection).isEqualTo(connected);
    assertThat(connection.getJsonObject("athlete").getLong("id")).isEqualTo(athlete.id());
    assertThat(connection.getJsonObject("athlete").getString("firstname")).isEqualTo("Marianne");
    assertThat(connection.getJsonObject("athlete").getString("city")).isEqualTo("Bern");
    assertThat(connection.getJsonObject("athlete").getString("profile_url")).isEqualTo("avatar/athlete/large.png");
    assertThat(connection.getJsonArray("granted_scope").getList())
        .containsExactly("read", "activity:read_all", "activity:write");
    assertThat(connection.getJsonArray("notices")).isEmpty();
    assertThat(connection.getString("state")).isEqualTo("connected");
    assertThat(connection.getValue("last_sync_at")).isNull();
  }

  @Test
  void theCallbackAlsoTakesItsFieldsAsJson() {
    Person runner = platform.person();
    Map<String, String> back = platform.consent(platform.authorizeUrl(runner), Athlete.next("Kilian", "Jornet"));

    var response = platform.strava.post("/api/v1/strava/callback", null, new JsonObject(new HashMap<>(back)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(platform.connection(runner).statusCode()).isEqualTo(200);
  }

  @Test
  void withoutReadAllTheConnectionSaysPrivateRunsAreMissed() {
    Person runner = platform.person();
    platform.fake.grants("read,activity:write");

    JsonObject connection = platform.connect(runner, Athlete.next("Eliud", "Kipchoge"));

    assertThat(connection.getJsonArray("granted_scope").getList()).containsExactly("read", "activity:write");
    assertThat(connection.getJsonArray("notices").getList()).hasSize(1);
    assertThat(connection.getJsonArray("notices").getString(0)).contains("activity:read_all");
  }

  @Test
  void aForgedStateIs400AndStoresNothing() {
    Person runner = platform.person();
    Map<String, String> back = new HashMap<>(platform.consent(platform.authorizeUrl(runner), Athlete.next("A", "B")));
    back.put("state", "forged-state-of-nobody");

    assertProblem(platform.callback(back), 400);
    assertProblem(platform.connection(runner), 404);
  }

  @Test
  void aReplayedStateIs400() {
    Person runner = platform.person();
    Map<String, String> back = platform.consent(platform.authorizeUrl(runner), Athlete.next("A", "B"));
    assertThat(platform.callback(back).statusCode()).isEqualTo(200);

    assertProblem(platform.callback(back), 400);
  }

  @Test
  void anExpiredStateIs400AndStoresNothing() {
    Person runner = platform.person();
    Map<String, String> back = platform.consent(platform.authorizeUrl(runner), Athlete.next("A", "B"));
    String key = platform.config.find("REDIS_PREFIX").orElseThrow() + "strava:connect:" + back.get("state");
    platform.redis.pexpire(List.of(key, "1")).await();
    StravaPlatform.sleep(20);

    assertProblem(platform.callback(back), 400);
    assertProblem(platform.connection(runner), 404);
  }

  @Test
  void aStateConnectsTheUserItWasMadeForNeverAnother() {
    Person asker = platform.person();
    Person other = platform.person();
    Map<String, String> back = platform.consent(platform.authorizeUrl(asker), Athlete.next("A", "B"));

    // Whoever's browser brings the state back, the connection is the asker's.
    assertThat(platform.callback(back).statusCode()).isEqualTo(200);

    assertThat(platform.connection(asker).statusCode()).isEqualTo(200);
    assertProblem(platform.connection(other), 404);
  }

  @Test
  void aReplayedCodeIs400AndStoresNothing() {
    Person first = platform.person();
    Person second = platform.person();
    Map<String, String> back = platform.consent(platform.authorizeUrl(first), Athlete.next("A", "B"));
    assertThat(platform.callback(back).statusCode()).isEqualTo(200);
    Map<String, String> replay = new HashMap<>(back);
    replay.put("state", StravaPlatform.query(platform.authorizeUrl(second)).get("state"));

    assertProblem(platform.callback(replay), 400);
    assertProblem(platform.connection(second), 404);
  }

  @Test
  void anAthleteWhoDeclinedIs403AndStoresNothing() {
    Person runner = platform.person();
    String state = StravaPlatform.query(platform.authorizeUrl(runner)).get("state");

    assertProblem(platform.callback(Map.of("state", state, "error", "access_denied")), 403);
    assertProblem(platform.connection(runner), 404);
  }

  @Test
  void oneStravaAthleteConnectsToOneUserOnly() {
    Athlete athlete = Athlete.next("Shared", "Athlete");
    platform.connect(platform.person(), athlete);
    Person second = platform.person();

    assertProblem(platform.callback(platform.consent(platform.authorizeUrl(second), athlete)), 409);
    assertProblem(platform.connection(second), 404);
  }

  @Test
  void twoUsersNeverSeeEachOthersConnection() {
    Person one = platform.person();
    Person two = platform.person();
    Athlete athleteOne = Athlete.next("One", "Runner");
    Athlete athleteTwo = Athlete.next("Two", "Runner");
    platform.connect(one, athleteOne);
    platform.connect(two, athleteTwo);

    assertThat(platform.connection(one).bodyAsJsonObject().getJsonObject("athlete").getLong("id")).isEqualTo(athleteOne.id());
    assertThat(platform.connection(two).bodyAsJsonObject().getJsonObject("athlete").getLong("id")).isEqualTo(athleteTwo.id());
  }

  @Test
  void aNulOrAHugeInputIs400NeverA500() {
    String huge = "x".repeat(10_000);

    assertProblem(platform.strava.get("/api/v1/strava/callback?state=%00&code=abc", null), 400);
    assertProblem(platform.strava.get("/api/v1/strava/callback?state=" + "x".repeat(129) + "&code=abc", null), 400);
    assertProblem(platform.strava.get("/api/v1/strava/callback?state=abc&code=" + "x".repeat(513), null), 400);
    // Beyond the HTTP server's line limit the request is refused before any router reads it, as a problem still.
    assertProblem(platform.strava.get("/api/v1/strava/callback?state=" + huge + "&code=abc", null), 414);
    assertProblem(platform.strava.post("/api/v1/strava/callback", null, new JsonObject().put("state", "a\u0000b")), 400);
    assertProblem(platform.strava.post("/api/v1/strava/callback", null, new JsonObject().put("state", huge)), 400);
    assertProblem(platform.strava.send(HttpMethod.POST, "/api/v1/strava/callback", null, "application/json", "{\"state\":"), 400);
    assertProblem(platform.strava.request(HttpMethod.GET, "/api/v1/strava/auth", platform.person().token())
        .putHeader("Accept", "x".repeat(1025)).send().await(), 400);
  }
}
