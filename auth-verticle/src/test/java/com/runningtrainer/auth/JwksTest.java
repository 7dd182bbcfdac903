package com.runningtrainer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.math.BigInteger;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /api/v1/auth/jwks.json: the public keys every service verifies access tokens with. */
class JwksTest {

  private static final String JWKS = "/api/v1/auth/jwks.json";

  private static AuthPlatform platform;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(JwksTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void jwksIsPublicAndAnswersJson() {
    HttpResponse<Buffer> response = platform.http.get(JWKS, null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    assertThat(response.bodyAsJsonObject().getJsonArray("keys")).isNotEmpty();
  }

  @Test
  void jwksPublishesRsaSigningKeysForRs256() {
    JsonArray keys = platform.http.get(JWKS, null).bodyAsJsonObject().getJsonArray("keys");

    assertThat(keys).isNotEmpty();
    for (Object entry : keys) {
      JsonObject key = (JsonObject) entry;
      assertThat(key.getString("kty")).isEqualTo("RSA");
      assertThat(key.getString("kid")).isNotBlank();
      assertThat(key.getString("use")).isEqualTo("sig");
      assertThat(key.getString("alg")).isEqualTo("RS256");
      assertThat(key.fieldNames()).containsExactlyInAnyOrder("kty", "kid", "use", "alg", "n", "e");
    }
  }

  @Test
  void jwksPublishesA2048BitModulusAndTheExponent65537AsUnsignedBase64Url() {
    JsonObject key = platform.http.get(JWKS, null).bodyAsJsonObject().getJsonArray("keys").getJsonObject(0);

    byte[] modulus = Base64.getUrlDecoder().decode(key.getString("n"));
    assertThat(key.getString("n")).doesNotContain("=", "+", "/");
    assertThat(modulus).hasSize(256);
    assertThat(modulus[0]).isNotZero();
    assertThat(new BigInteger(1, modulus).bitLength()).isEqualTo(2048);
    assertThat(key.getString("e")).isEqualTo("AQAB");
  }

  @Test
  void jwksRevealsNoPrivatePartOfAKey() {
    JsonArray keys = platform.http.get(JWKS, null).bodyAsJsonObject().getJsonArray("keys");

    assertThat(keys).isNotEmpty();
    for (Object entry : keys) {
      assertThat(((JsonObject) entry).fieldNames()).doesNotContain("d", "p", "q", "dp", "dq", "qi", "oth", "k");
    }
    assertThat(platform.http.get(JWKS, null).bodyAsString()).doesNotContain("PRIVATE KEY");
  }

  @Test
  void jwksMayBeCachedForAWhile() {
    HttpResponse<Buffer> response = platform.http.get(JWKS, null);

    assertThat(response.getHeader("Cache-Control")).isEqualTo("max-age=300");
  }

  @Test
  void jwksPublishesTheKeyTheServiceStored() {
    AuthPlatform.StoredKey stored = platform.storedSigningKey();

    JsonArray keys = platform.http.get(JWKS, null).bodyAsJsonObject().getJsonArray("keys");

    assertThat(keys.stream().map(key -> ((JsonObject) key).getString("kid"))).containsExactly(stored.kid());
  }
}
