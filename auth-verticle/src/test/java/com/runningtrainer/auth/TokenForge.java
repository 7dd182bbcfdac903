package com.runningtrainer.auth;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs access tokens outside the service, with a private key the test chooses: the service's
 * own stored key, to make tokens that differ from a real one in a single claim or header, or a
 * stranger's. It signs by hand, since Vert.x's signer always writes {@code typ: JWT}.
 */
final class TokenForge {

  static final String ISSUER = "http://localhost:8004";
  static final String AUDIENCE = "running-trainer";

  private final String kid;
  private final String key;
  private final String type;

  private TokenForge(String kid, String key, String type) {
    this.kid = kid;
    this.key = key;
    this.type = type;
  }

  /** Signs RS256 with the PKCS#8 PEM, naming {@code kid} in the header. */
  static TokenForge rs256(Vertx vertx, String kid, String privateKeyPem) {
    return new TokenForge(kid, privateKeyPem, "at+jwt");
  }

  /** Signs HS256 with {@code secret} as the shared key, naming {@code kid} in the header. */
  static TokenForge hs256(Vertx vertx, String kid, String secret) {
    return new TokenForge(kid, secret, "at+jwt");
  }

  /** The same signer writing another {@code typ} in the header. */
  TokenForge typed(String otherType) {
    return new TokenForge(kid, key, otherType);
  }

  /** The claims of a real access token of {@code userId}, valid for 15 minutes from now. */
  static JsonObject validClaims(String userId) {
    long now = System.currentTimeMillis() / 1000;
    return new JsonObject()
        .put("sub", userId)
        .put("iss", ISSUER)
        .put("aud", AUDIENCE)
        .put("iat", now)
        .put("exp", now + 900)
        .put("jti", UUID.randomUUID().toString())
        .put("roles", List.of("athlete"));
  }

  /** A token carrying exactly {@code claims}. */
  String sign(JsonObject claims, String algorithm) {
    JsonObject header = new JsonObject().put("alg", algorithm).put("typ", type).put("kid", kid);
    String signed = Jwt.encode(header) + "." + Jwt.encode(claims);
    byte[] input = signed.getBytes(StandardCharsets.US_ASCII);
    try {
      return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature(algorithm, input));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String sign(JsonObject claims) {
    return sign(claims, "RS256");
  }

  private byte[] signature(String algorithm, byte[] input) throws GeneralSecurityException {
    if (algorithm.equals("HS256")) {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(input);
    }
    String base64 = key.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64))));
    rsa.update(input);
    return rsa.sign();
  }
}
