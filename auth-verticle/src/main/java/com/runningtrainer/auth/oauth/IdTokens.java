package com.runningtrainer.auth.oauth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import java.util.Locale;

/**
 * The checks OpenID Connect Core §3.1.3.7 asks of an ID token, on what vertx-auth-oauth2 made of
 * the token response. That library verifies the signature against the provider's JWKS and, when
 * present, issuer and audience, but when a check fails it only leaves the token out (it logs at
 * TRACE), and it never checks {@code exp} or {@code nonce}: so an absent token fails here, and
 * every claim that decides the login is checked again.
 */
final class IdTokens {

  private static final long CLOCK_SKEW_SECONDS = 60;

  private IdTokens() {
  }

  static ExternalIdentity verified(String provider, User user, String issuer, String clientId, String nonce) {
    JsonObject claims = user.attributes().getJsonObject("idToken");
    if (claims == null) {
      throw OAuthFailures.refused(provider, "its ID token is missing or does not verify (signature, issuer or audience)");
    }
    if (!issuer.equals(claims.getValue("iss"))) {
      throw OAuthFailures.refused(provider, "its ID token is from another issuer");
    }
    if (!audiences(claims).contains(clientId)) {
      throw OAuthFailures.refused(provider, "its ID token is meant for another client");
    }
    if (!(claims.getValue("exp") instanceof Number exp) || exp.longValue() + CLOCK_SKEW_SECONDS < now()) {
      throw OAuthFailures.refused(provider, "its ID token has expired");
    }
    if (!nonce.equals(claims.getValue("nonce"))) {
      throw OAuthFailures.refused(provider, "its ID token does not belong to this login (nonce)");
    }
    if (!(claims.getValue("sub") instanceof String subject) || subject.isBlank()) {
      throw OAuthFailures.refused(provider, "its ID token names no subject");
    }
    return new ExternalIdentity(provider, subject, email(claims), isTrue(claims.getValue("email_verified")),
        claims.getValue("name") instanceof String name ? name : null);
  }

  private static JsonArray audiences(JsonObject claims) {
    Object audience = claims.getValue("aud");
    if (audience instanceof String single) {
      return new JsonArray().add(single);
    }
    return audience instanceof JsonArray many ? many : new JsonArray();
  }

  private static String email(JsonObject claims) {
    return claims.getValue("email") instanceof String email && !email.isBlank() ? email.trim().toLowerCase(Locale.ROOT) : null;
  }

  // Google has sent email_verified as the string "true" in some token versions.
  private static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }
}
