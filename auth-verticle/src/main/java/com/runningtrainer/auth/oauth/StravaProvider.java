package com.runningtrainer.auth.oauth;

import com.runningtrainer.auth.oauth.OAuthSettings.ProviderSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import java.util.List;

/**
 * Strava as an OAuth2 provider. Its ways: client id and secret as form fields of the token
 * request, comma-separated scopes, no PKCE, no ID token; the token answer carries the athlete,
 * whose id is the subject. Strava gives no email.
 */
public final class StravaProvider implements Provider {

  public static final String NAME = "strava";
  private static final List<String> SCOPES = List.of("read");
  private static final int DISPLAY_NAME_MAX = 100;

  private final OAuth2Auth strava;
  private final String callbackUrl;
  private final ProviderCalls calls;

  public StravaProvider(Vertx vertx, ProviderSettings settings, String callbackUrl, long timeoutMs) {
    OAuth2Options options = new OAuth2Options()
        .setSite(settings.baseUrl())
        .setAuthorizationPath("/oauth/authorize")
        .setTokenPath("/oauth/token")
        .setClientId(settings.clientId())
        .setUseBasicAuthorization(false)
        .setScopeSeparator(",")
        .setHttpClientOptions(ProviderCalls.httpOptions(timeoutMs));
    this.strava = OAuth2Auth.create(vertx, settings.clientSecret() == null ? options : options.setClientSecret(settings.clientSecret()));
    this.callbackUrl = callbackUrl;
    this.calls = new ProviderCalls(vertx, NAME, timeoutMs);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<String> authorizationUrl(LoginAttempt attempt) {
    return Future.succeededFuture(strava.authorizeURL(new OAuth2AuthorizationURL()
        .setRedirectUri(callbackUrl)
        .setScopes(SCOPES)
        .setState(attempt.state())
        .putAdditionalParameter("approval_prompt", "auto")));
  }

  @Override
  public Future<ExternalIdentity> identify(String code, LoginAttempt attempt) {
    return calls.exchange("token request", () -> strava.authenticate(new Oauth2Credentials()
                .setFlow(OAuth2FlowType.AUTH_CODE)
                .setCode(code)
                .setRedirectUri(callbackUrl)),
            StravaProvider::refusedCode)
        .map(StravaProvider::athlete);
  }

  @Override
  public void close() {
    strava.close();
  }

  private static ExternalIdentity athlete(User user) {
    JsonObject athlete = user.principal().getValue("athlete") instanceof JsonObject json ? json : null;
    if (athlete == null || !(athlete.getValue("id") instanceof Number id)) {
      throw OAuthFailures.providerFailed(NAME);
    }
    return new ExternalIdentity(NAME, String.valueOf(id.longValue()), null, false, displayName(athlete));
  }

  private static String displayName(JsonObject athlete) {
    String name = (text(athlete, "firstname") + " " + text(athlete, "lastname")).trim();
    return name.isEmpty() ? null : name.substring(0, Math.min(name.length(), DISPLAY_NAME_MAX));
  }

  private static String text(JsonObject json, String field) {
    return json.getValue(field) instanceof String value ? value.trim() : "";
  }

  // Strava answers a bad code with 400 and {"errors":[{"resource":"AuthorizationCode",...}]};
  // "invalid_grant" is the standard's word, should it ever use that.
  private static boolean refusedCode(String reason) {
    return reason.contains("AuthorizationCode") || reason.contains("invalid_grant");
  }
}
