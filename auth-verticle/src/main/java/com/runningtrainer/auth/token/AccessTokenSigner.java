package com.runningtrainer.auth.token;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Signs JWTs with one RS256 key and the header of an access token (RFC 9068): {@code alg},
 * {@code typ: at+jwt} and {@code kid}. Vert.x's own signer always writes {@code typ: JWT}, which
 * would let an access token pass for any other kind of JWT.
 */
final class AccessTokenSigner {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final PrivateKey key;
  private final String header;

  AccessTokenSigner(SigningKey signingKey) {
    this.key = privateKey(signingKey.privateKeyPem());
    JsonObject header = new JsonObject().put("alg", SigningKey.ALGORITHM).put("typ", "at+jwt").put("kid", signingKey.kid());
    this.header = encode(header);
  }

  String sign(JsonObject claims) {
    String signed = header + "." + encode(claims);
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + BASE64URL.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with key " + header, e);
    }
  }

  private static String encode(JsonObject json) {
    return BASE64URL.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  private static PrivateKey privateKey(String pem) {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the stored signing key is not a PKCS#8 RSA key", e);
    }
  }
}
