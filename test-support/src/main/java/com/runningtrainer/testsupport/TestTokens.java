package com.runningtrainer.testsupport;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Access tokens as auth signs them (RS256, {@code typ: at+jwt}, a {@code kid}), with a key made
 * for one test run, and the JWKS that publishes it.
 */
public final class TestTokens {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final KeyPair keys;
  private final String kid = UUID.randomUUID().toString();
  private final String issuer;
  private final String audience;

  public TestTokens(String issuer, String audience) {
    this.issuer = issuer;
    this.audience = audience;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      this.keys = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public key as a JWKS document. */
  public JsonObject jwks() {
    RSAPublicKey key = (RSAPublicKey) keys.getPublic();
    JsonObject jwk = new JsonObject().put("kty", "RSA").put("use", "sig").put("alg", "RS256").put("kid", kid)
        .put("n", unsigned(key.getModulus())).put("e", unsigned(key.getPublicExponent()));
    return new JsonObject().put("keys", new JsonArray().add(jwk));
  }

  /** A token of these claims, with this run's issuer and audience added. */
  public String sign(JsonObject claims) {
    JsonObject header = new JsonObject().put("alg", "RS256").put("typ", "at+jwt").put("kid", kid);
    String signed = encode(header) + "." + encode(claims.copy().put("iss", issuer).put("aud", audience));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(keys.getPrivate());
      rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + BASE64URL.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The claims a token carries, unverified. */
  public static JsonObject claims(String token) {
    String payload = token.split("\\.")[1];
    return new JsonObject(Buffer.buffer(Base64.getUrlDecoder().decode(payload)));
  }

  private static String encode(JsonObject json) {
    return BASE64URL.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  /** Base64url of the big-endian magnitude, without the sign byte BigInteger may add. */
  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return BASE64URL.encodeToString(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
  }
}
