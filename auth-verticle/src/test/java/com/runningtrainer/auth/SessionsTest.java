package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.auth.token.OpaqueToken;
import com.runningtrainer.common.redis.RedisClients;
import com.runningtrainer.testsupport.TestAccounts;
import com.runningtrainer.testsupport.TestRedis;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sessions: refresh tokens that rotate, a reused one that ends its family, logout, and the list of sessions. */
class SessionsTest {

  private static AuthPlatform platform;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(SessionsTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  private static String newUser() {
    String email = TestAccounts.newEmail();
    platform.newUser(email);
    return email;
  }

  @Test
  void loginAnswersAnOpaqueRefreshTokenStoredOnlyAsItsHash() {
    JsonObject tokens = platform.session(newUser(), "phone");

    String refresh = tokens.getString("refresh_token");
    assertThat(refresh).hasSizeGreaterThanOrEqualTo(43).doesNotContain(".");
    assertThat(platform.storedRefreshTokens(OpaqueToken.hash(refresh))).isEqualTo(1);
    assertThat(platform.storedRefreshTokens(refresh.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isZero();
  }

  @Test
  void refreshingAnswersNewTokensOfTheSameSession() {
    JsonObject first = platform.session(newUser(), "phone");

    var refreshed = platform.refresh(first.getString("refresh_token"));

    assertThat(refreshed.statusCode()).isEqualTo(200);
    JsonObject second = refreshed.bodyAsJsonObject();
    assertThat(second.getString("refresh_token")).isNotEqualTo(first.getString("refresh_token"));
    assertThat(sid(second)).isEqualTo(sid(first));
    assertThat(platform.me(second.getString("access_token")).statusCode()).isEqualTo(200);
  }

  @Test
  void aRefreshTokenWorksOnce() {
    JsonObject tokens = platform.session(newUser(), "phone");
    platform.refresh(tokens.getString("refresh_token"));

    assertProblem(platform.refresh(tokens.getString("refresh_token")), 401);
  }

  @Test
  void reusingARotatedRefreshTokenEndsTheWholeSession() {
    JsonObject stolen = platform.session(newUser(), "phone");
    JsonObject legitimate = platform.refresh(stolen.getString("refresh_token")).bodyAsJsonObject();

    assertProblem(platform.refresh(stolen.getString("refresh_token")), 401);

    assertProblem(platform.refresh(legitimate.getString("refresh_token")), 401);
    assertProblem(platform.me(legitimate.getString("access_token")), 401);
  }

  @Test
  void anUnknownRefreshTokenIsUnauthorized() {
    assertProblem(platform.refresh(OpaqueToken.generate().value()), 401);
  }

  @Test
  void aRefreshTokenIsNoAccessToken() {
    JsonObject tokens = platform.session(newUser(), "phone");

    assertProblem(platform.me(tokens.getString("refresh_token")), 401);
  }

  @Test
  void anAccessTokenIsNoRefreshToken() {
    JsonObject tokens = platform.session(newUser(), "phone");

    assertProblem(platform.refresh(tokens.getString("access_token")), 401);
  }

  @Test
  void logoutRevokesTheAccessTokenAndTheRefreshTokensAtOnce() {
    JsonObject tokens = platform.session(newUser(), "phone");
    assertThat(platform.me(tokens.getString("access_token")).statusCode()).isEqualTo(200);

    var loggedOut = platform.http.post("/api/v1/auth/logout", tokens.getString("access_token"), null);

    assertThat(loggedOut.statusCode()).isEqualTo(204);
    assertProblem(platform.me(tokens.getString("access_token")), 401);
    assertProblem(platform.refresh(tokens.getString("refresh_token")), 401);
  }

  @Test
  void logoutKeepsTheTokenRevokedUntilItWouldHaveExpired() {
    JsonObject tokens = platform.session(newUser(), "phone");
    JsonObject claims = Jwt.decode(tokens.getString("access_token")).payload();

    platform.http.post("/api/v1/auth/logout", tokens.getString("access_token"), null);

    String key = platform.config().string("REDIS_PREFIX", "") + "revoked:jti:" + claims.getString("jti");
    RedisAPI redis = RedisClients.create(platform.vertx, TestRedis.url());
    long ttl = redis.ttl(key).await().toLong();
    long remaining = claims.getLong("exp") - System.currentTimeMillis() / 1000;
    // Both ends count whole seconds from their own clock reading: a second boundary between them
    // is one second either way.
    assertThat(ttl).isBetween(remaining - 5, remaining + 1);
  }

  @Test
  void logoutLeavesTheUsersOtherSessionsAlone() {
    String email = newUser();
    JsonObject phone = platform.session(email, "phone");
    JsonObject laptop = platform.session(email, "laptop");

    platform.http.post("/api/v1/auth/logout", phone.getString("access_token"), null);

    assertThat(platform.me(laptop.getString("access_token")).statusCode()).isEqualTo(200);
  }

  @Test
  void listsTheActiveSessionsWithTheirDeviceAndTheCurrentOneMarked() {
    String email = newUser();
    JsonObject phone = platform.session(email, "RunnerApp/2.1 (iPhone)");
    platform.session(email, "Firefox/140");

    JsonObject page = platform.http.get("/api/v1/auth/sessions", phone.getString("access_token")).bodyAsJsonObject();

    JsonArray items = page.getJsonArray("items");
    assertThat(page.getLong("total")).isEqualTo(2);
    assertThat(items.stream().map(s -> ((JsonObject) s).getString("device")))
        .containsExactlyInAnyOrder("RunnerApp/2.1 (iPhone)", "Firefox/140");
    assertThat(items.stream().filter(s -> ((JsonObject) s).getBoolean("current")).map(s -> ((JsonObject) s).getString("device")))
        .containsExactly("RunnerApp/2.1 (iPhone)");
  }

  @Test
  void endingASessionStopsItsTokensAndLeavesTheCallersOwn() {
    String email = newUser();
    JsonObject phone = platform.session(email, "phone");
    JsonObject laptop = platform.session(email, "laptop");

    var ended = platform.http.delete("/api/v1/auth/sessions/" + sid(laptop), phone.getString("access_token"));

    assertThat(ended.statusCode()).isEqualTo(204);
    assertProblem(platform.me(laptop.getString("access_token")), 401);
    assertProblem(platform.refresh(laptop.getString("refresh_token")), 401);
    assertThat(platform.me(phone.getString("access_token")).statusCode()).isEqualTo(200);
  }

  @Test
  void endingEverySessionStopsEveryToken() {
    String email = newUser();
    JsonObject phone = platform.session(email, "phone");
    JsonObject laptop = platform.session(email, "laptop");

    assertThat(platform.http.delete("/api/v1/auth/sessions", phone.getString("access_token")).statusCode()).isEqualTo(204);

    assertProblem(platform.me(phone.getString("access_token")), 401);
    assertProblem(platform.me(laptop.getString("access_token")), 401);
    assertProblem(platform.refresh(laptop.getString("refresh_token")), 401);
  }

  @Test
  void anotherUsersSessionIsNotFound() {
    JsonObject ann = platform.session(newUser(), "phone");
    JsonObject bea = platform.session(newUser(), "phone");

    assertProblem(platform.http.delete("/api/v1/auth/sessions/" + sid(ann), bea.getString("access_token")), 404);
    assertThat(platform.me(ann.getString("access_token")).statusCode()).isEqualTo(200);
  }

  private static String sid(JsonObject tokens) {
    return Jwt.decode(tokens.getString("access_token")).payload().getString("sid");
  }
}
