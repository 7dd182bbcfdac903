package com.runningtrainer.auth.oauth;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * One login begun at a provider and not yet finished: the {@code state} that comes back with
 * the browser, the OpenID Connect {@code nonce} the ID token must repeat, and the PKCE code
 * verifier whose S256 challenge went out with the authorization request. 256 random bits
 * each. Providers use what they support (Strava only the state).
 */
public record LoginAttempt(String provider, String state, String nonce, String codeVerifier) {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  public static LoginAttempt begin(String provider) {
    return new LoginAttempt(provider, random(), random(), random());
  }

  /** RFC 7636 S256: BASE64URL(SHA-256(ASCII(code_verifier))). */
  public String codeChallenge() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
      return BASE64URL.encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  JsonObject toJson() {
    return new JsonObject().put("provider", provider).put("nonce", nonce).put("code_verifier", codeVerifier);
  }

  static LoginAttempt fromJson(String state, JsonObject json) {
    return new LoginAttempt(json.getString("provider"), state, json.getString("nonce"), json.getString("code_verifier"));
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return BASE64URL.encodeToString(bytes);
  }
}
