package com.runningtrainer.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An RS256 key pair: private half as PKCS#8 PEM, public half as a JWK that matches it. */
class SigningKeyTest {

  private static SigningKey key;
  private static RSAPrivateCrtKey privateKey;

  @BeforeAll
  static void generate() throws Exception {
    key = SigningKey.generate();
    privateKey = parse(key.privateKeyPem());
  }

  @Test
  void privateKeyIsA2048BitRsaKeyInPkcs8Pem() {
    assertThat(key.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
    assertThat(privateKey.getModulus().bitLength()).isEqualTo(2048);
  }

  @Test
  void jwkModulusIsTheKeysModulusAsUnsignedBigEndianBytes() {
    byte[] n = Base64.getUrlDecoder().decode(key.publicJwk().getString("n"));

    assertThat(new BigInteger(1, n)).isEqualTo(privateKey.getModulus());
    assertThat(n).hasSize(256);
    assertThat(n[0]).isNotZero();
  }

  @Test
  void jwkExponentIsTheKeysPublicExponentWithoutLeadingZero() {
    byte[] e = Base64.getUrlDecoder().decode(key.publicJwk().getString("e"));

    assertThat(new BigInteger(1, e)).isEqualTo(privateKey.getPublicExponent());
    assertThat(e[0]).isNotZero();
  }

  @Test
  void jwkIsUnpaddedBase64Url() {
    assertThat(key.publicJwk().getString("n")).matches("[A-Za-z0-9_-]+");
    assertThat(key.publicJwk().getString("e")).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void jwkDescribesAnRs256SigningKeyUnderTheKeysId() {
    JsonObject jwk = key.publicJwk();

    assertThat(jwk.getString("kty")).isEqualTo("RSA");
    assertThat(jwk.getString("use")).isEqualTo("sig");
    assertThat(jwk.getString("alg")).isEqualTo("RS256");
    assertThat(jwk.getString("kid")).isEqualTo(key.kid()).isNotBlank();
  }

  @Test
  void jwkHoldsNoPrivateMember() {
    assertThat(key.publicJwk().fieldNames()).containsExactlyInAnyOrder("kty", "kid", "use", "alg", "n", "e");
  }

  @Test
  void eachGeneratedKeyIsNew() {
    SigningKey other = SigningKey.generate();

    assertThat(other.kid()).isNotEqualTo(key.kid());
    assertThat(other.publicJwk().getString("n")).isNotEqualTo(key.publicJwk().getString("n"));
  }

  @Test
  void aTokenSignedWithThePrivateKeyVerifiesWithTheJwk() {
    Vertx vertx = Vertx.vertx();
    try {
      JWTAuth signer = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions()
          .setAlgorithm(SigningKey.ALGORITHM).setBuffer(key.privateKeyPem()).setId(key.kid())));
      JWTAuth verifier = JWTAuth.create(vertx, new JWTAuthOptions().addJwk(key.publicJwk()));
      String token = signer.generateToken(new JsonObject().put("sub", "runner"), new JWTOptions().setAlgorithm("RS256"));

      User user = verifier.authenticate(new TokenCredentials(token)).await();

      assertThat(user.principal().getString("sub")).isEqualTo("runner");
    } finally {
      vertx.close().await();
    }
  }

  private static RSAPrivateCrtKey parse(String pem) throws Exception {
    String body = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
    return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
  }
}
