package com.runningtrainer.auth.oauth;

import com.runningtrainer.common.crypto.RandomSecret;
import com.runningtrainer.common.crypto.Sha256;
import io.vertx.core.json.JsonObject;
import java.util.Base64;

/**
 * One login begun at a provider and not yet finished: the {@code state} that comes back with
 * the browser, the OpenID Connect {@code nonce} the ID token must repeat, and the PKCE code
 * verifier whose S256 challenge went out with the authorization request. 256 random bits
 * each. Providers use what they support (Strava only the state). {@code browser}: begun by the
 * web app, whose callback lands back in the app with the session cookie.
 */
public record LoginAttempt(String provider, String state, String nonce, String codeVerifier, boolean browser) {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  public static LoginAttempt begin(String provider, boolean browser) {
    return new LoginAttempt(provider, RandomSecret.next(), RandomSecret.next(), RandomSecret.next(), browser);
  }

  /** RFC 7636 S256: BASE64URL(SHA-256(ASCII(code_verifier))). */
  public String codeChallenge() {
    return BASE64URL.encodeToString(Sha256.of(codeVerifier));
  }

  JsonObject toJson() {
    return new JsonObject().put("provider", provider).put("nonce", nonce).put("code_verifier", codeVerifier)
        .put("browser", browser);
  }

  static LoginAttempt fromJson(String state, JsonObject json) {
    return new LoginAttempt(json.getString("provider"), state, json.getString("nonce"), json.getString("code_verifier"),
        json.getBoolean("browser", false));
  }
}
