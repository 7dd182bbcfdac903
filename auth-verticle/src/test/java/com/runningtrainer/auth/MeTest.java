package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.auth.token.SigningKey;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/auth/me: the caller's account for a valid access token, and 401 for every token
 * that is not exactly one the service issued and still valid.
 *
 * <p>Forged tokens are signed with the service's own stored key and differ from a valid one in
 * a single point, so that each refusal is for that point alone; {@link
 * #aTokenSignedWithTheServiceKeyIsAccepted} shows that an unaltered forgery passes.
 */
class MeTest {

  private static AuthPlatform platform;
  private static JsonObject user;
  private static String token;
  private static AuthPlatform.StoredKey key;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(MeTest.class);
    String email = newEmail();
    user = platform.newUser(email);
    token = platform.tokenOf(email);
    key = platform.storedSigningKey();
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void meAnswersTheCallersAccount() {
    HttpResponse<Buffer> response = platform.me(token);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject me = response.bodyAsJsonObject();
    assertThat(me.getString("id")).isEqualTo(user.getString("id"));
    assertThat(me.getString("email")).isEqualTo(user.getString("email"));
    assertThat(me.containsKey("display_name")).isTrue();
    assertThat(me.getJsonArray("roles")).isEqualTo(new JsonArray().add("athlete"));
    assertThat(me.fieldNames()).doesNotContain("password", "password_hash");
  }

  @Test
  void meAnswersEachCallerTheirOwnAccount() {
    String otherEmail = newEmail();
    JsonObject other = platform.newUser(otherEmail);

    HttpResponse<Buffer> response = platform.me(platform.tokenOf(otherEmail));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("id")).isEqualTo(other.getString("id")).isNotEqualTo(user.getString("id"));
  }

  @Test
  void meWithoutATokenIsUnauthorized() {
    HttpResponse<Buffer> response = platform.me(null);

    assertUnauthorized(response);
  }

  @Test
  void meWithAnotherAuthenticationSchemeIsUnauthorized() {
    HttpResponse<Buffer> response = platform.http.request(HttpMethod.GET, "/api/v1/auth/me", null)
        .putHeader("Authorization", "Basic cnVubmVyQGV4YW1wbGUuY29tOmNvcnJlY3QgaG9yc2U=").send().await();

    assertUnauthorized(response);
  }

  @Test
  void meWithATokenThatIsNotAJwtIsUnauthorized() {
    HttpResponse<Buffer> response = platform.me("not-a-jwt");

    assertUnauthorized(response);
  }

  @Test
  void aTokenSignedWithTheServiceKeyIsAccepted() {
    String forged = TokenForge.rs256(platform.vertx, key.kid(), key.privateKeyPem()).sign(TokenForge.validClaims(user.getString("id")));

    HttpResponse<Buffer> response = platform.me(forged);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("id")).isEqualTo(user.getString("id"));
  }

  @Test
  void aTokenWhosePayloadWasAlteredIsUnauthorized() {
    JsonObject victim = platform.newUser(newEmail());
    JsonObject payload = Jwt.decode(token).payload().put("sub", victim.getString("id"));
    String tampered = Jwt.withPayload(token, payload);

    HttpResponse<Buffer> response = platform.me(tampered);

    assertUnauthorized(response);
  }

  @Test
  void aTokenWithOneCharacterOfItsPayloadChangedIsUnauthorized() {
    String[] parts = token.split("\\.");
    char[] payload = parts[1].toCharArray();
    int middle = payload.length / 2;
    payload[middle] = payload[middle] == 'A' ? 'B' : 'A';
    String tampered = parts[0] + "." + new String(payload) + "." + parts[2];

    HttpResponse<Buffer> response = platform.me(tampered);

    assertUnauthorized(response);
  }

  @Test
  void aTokenSignedByAnotherKeyUnderTheServiceKidIsUnauthorized() {
    SigningKey stranger = SigningKey.generate();
    String forged = TokenForge.rs256(platform.vertx, key.kid(), stranger.privateKeyPem()).sign(TokenForge.validClaims(user.getString("id")));

    HttpResponse<Buffer> response = platform.me(forged);

    assertUnauthorized(response);
  }

  @Test
  void aTokenSignedByAnotherKeyUnderAnUnknownKidIsUnauthorized() {
    SigningKey stranger = SigningKey.generate();
    String forged = TokenForge.rs256(platform.vertx, stranger.kid(), stranger.privateKeyPem()).sign(TokenForge.validClaims(user.getString("id")));

    HttpResponse<Buffer> response = platform.me(forged);

    assertUnauthorized(response);
  }

  @Test
  void aTokenSignedWithHmacOverThePublishedKeyIsUnauthorized() {
    String publicJwk = platform.http.get("/api/v1/auth/jwks.json", null).bodyAsJsonObject().getJsonArray("keys").getJsonObject(0).encode();
    String forged = TokenForge.hs256(platform.vertx, key.kid(), publicJwk).sign(TokenForge.validClaims(user.getString("id")), "HS256");

    HttpResponse<Buffer> response = platform.me(forged);

    assertUnauthorized(response);
  }

  @Test
  void anExpiredTokenIsUnauthorized() {
    long now = System.currentTimeMillis() / 1000;
    JsonObject claims = TokenForge.validClaims(user.getString("id")).put("iat", now - 1000).put("exp", now - 100);
    String expired = TokenForge.rs256(platform.vertx, key.kid(), key.privateKeyPem()).sign(claims);

    HttpResponse<Buffer> response = platform.me(expired);

    assertUnauthorized(response);
  }

  @Test
  void aTokenForAnotherAudienceIsUnauthorized() {
    JsonObject claims = TokenForge.validClaims(user.getString("id")).put("aud", "another-application");
    String forged = TokenForge.rs256(platform.vertx, key.kid(), key.privateKeyPem()).sign(claims);

    HttpResponse<Buffer> response = platform.me(forged);

    assertUnauthorized(response);
  }

  @Test
  void aJwtThatIsNotTypedAsAnAccessTokenIsUnauthorized() {
    String idToken = TokenForge.rs256(platform.vertx, key.kid(), key.privateKeyPem()).typed("JWT")
        .sign(TokenForge.validClaims(user.getString("id")));

    HttpResponse<Buffer> response = platform.me(idToken);

    assertUnauthorized(response);
  }

  @Test
  void aTokenThatNeverExpiresIsUnauthorized() {
    JsonObject claims = TokenForge.validClaims(user.getString("id"));
    claims.remove("exp");
    String forged = TokenForge.rs256(platform.vertx, key.kid(), key.privateKeyPem()).sign(claims);

    HttpResponse<Buffer> response = platform.me(forged);

    assertUnauthorized(response);
  }

  @Test
  void aTokenWithoutAudienceIsUnauthorized() {
    JsonObject claims = TokenForge.validClaims(user.getString("id"));
    claims.remove("aud");
    String forged = TokenForge.rs256(platform.vertx, key.kid(), key.privateKeyPem()).sign(claims);

    HttpResponse<Buffer> response = platform.me(forged);

    assertUnauthorized(response);
  }

  @Test
  void aTokenFromAnotherIssuerIsUnauthorized() {
    JsonObject claims = TokenForge.validClaims(user.getString("id")).put("iss", "https://issuer.example.org");
    String forged = TokenForge.rs256(platform.vertx, key.kid(), key.privateKeyPem()).sign(claims);

    HttpResponse<Buffer> response = platform.me(forged);

    assertUnauthorized(response);
  }

  @Test
  void anUnsignedTokenWithAlgNoneIsUnauthorized() {
    JsonObject header = new JsonObject().put("typ", "at+jwt").put("alg", "none").put("kid", key.kid());
    String unsigned = Jwt.encode(header) + "." + Jwt.encode(TokenForge.validClaims(user.getString("id"))) + ".";

    HttpResponse<Buffer> response = platform.me(unsigned);

    assertUnauthorized(response);
  }

  @Test
  void aRealTokenRelabelledAlgNoneIsUnauthorized() {
    String[] parts = token.split("\\.");
    JsonObject header = Jwt.decode(token).header().put("alg", "none");
    String relabelled = Jwt.encode(header) + "." + parts[1] + "." + parts[2];

    HttpResponse<Buffer> response = platform.me(relabelled);

    assertUnauthorized(response);
  }

  @Test
  void aValidTokenOfADeletedAccountIsUnauthorized() {
    String email = newEmail();
    JsonObject gone = platform.newUser(email);
    String goneToken = platform.tokenOf(email);
    platform.deleteUser(gone.getString("id"));

    HttpResponse<Buffer> response = platform.me(goneToken);

    assertUnauthorized(response);
  }

  @Test
  void aSignedTokenWhoseSubjectIsNotAUserIdIsUnauthorized() {
    JsonObject claims = TokenForge.validClaims("not-a-user-id");
    String forged = TokenForge.rs256(platform.vertx, key.kid(), key.privateKeyPem()).sign(claims);

    HttpResponse<Buffer> response = platform.me(forged);

    assertUnauthorized(response);
  }

  @Test
  void aSignedTokenWithoutSubjectIsUnauthorized() {
    JsonObject claims = TokenForge.validClaims(user.getString("id"));
    claims.remove("sub");
    String forged = TokenForge.rs256(platform.vertx, key.kid(), key.privateKeyPem()).sign(claims);

    HttpResponse<Buffer> response = platform.me(forged);

    assertUnauthorized(response);
  }

  private static void assertUnauthorized(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getInteger("status")).isEqualTo(401);
    assertThat(problem.getString("title")).isEqualTo("Unauthorized");
    assertThat(problem.getString("detail")).isNotBlank();
    assertThat(response.bodyAsString()).doesNotContain(user.getString("email"));
  }
}
