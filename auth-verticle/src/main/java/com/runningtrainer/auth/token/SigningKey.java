package com.runningtrainer.auth.token;

import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.UUID;

/**
 * An RS256 key pair: the private half as PKCS#8 PEM (what Vert.x signs with), the public half
 * as a JWK (what auth publishes and every service verifies with).
 */
public record SigningKey(String kid, String privateKeyPem, JsonObject publicJwk) {

  public static final String ALGORITHM = "RS256";
  private static final int KEY_BITS = 2048;

  /** A new key pair; RSA generation is slow, so call it on a worker. */
  public static SigningKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(KEY_BITS);
      KeyPair pair = generator.generateKeyPair();
      String kid = UUID.randomUUID().toString();
      return new SigningKey(kid, pem(pair.getPrivate().getEncoded()), jwk(kid, (RSAPublicKey) pair.getPublic()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM cannot make RSA keys", e);
    }
  }

  private static String pem(byte[] pkcs8) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8);
    return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
  }

  private static JsonObject jwk(String kid, RSAPublicKey key) {
    return new JsonObject()
        .put("kty", "RSA")
        .put("kid", kid)
        .put("use", "sig")
        .put("alg", ALGORITHM)
        .put("n", unsigned(key.getModulus()))
        .put("e", unsigned(key.getPublicExponent()));
  }

  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
