package com.runningtrainer.auth.oauth;

import com.runningtrainer.auth.oauth.OAuthSettings.ProviderSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import java.util.List;

/**
 * Google as an OpenID Connect provider: endpoints and signing keys from its discovery document,
 * the authorization code flow with PKCE S256, a nonce, and a verified ID token. Discovery runs
 * on the first login, not at start, so that Google being down never stops auth from starting;
 * a failed discovery is tried again by the next login. Every call goes through Google's breaker
 * ({@link ProviderCalls}).
 */
public final class GoogleProvider implements Provider {

  public static final String NAME = "google";
  private static final List<String> SCOPES = List.of("openid", "email", "profile");
  // Keys are read again this often, and at once when a token names a key id not seen yet.
  private static final long JWKS_MAX_AGE_SECONDS = 3600;

  private final Vertx vertx;
  private final ProviderSettings settings;
  private final String callbackUrl;
  private final long timeoutMs;
  private final ProviderCalls calls;
  private Future<OAuth2Auth> discovered;

  public GoogleProvider(Vertx vertx, ProviderSettings settings, String callbackUrl, long timeoutMs) {
    this.vertx = vertx;
    this.settings = settings;
    this.callbackUrl = callbackUrl;
    this.timeoutMs = timeoutMs;
    this.calls = new ProviderCalls(vertx, NAME, timeoutMs);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<String> authorizationUrl(LoginAttempt attempt) {
    return client().map(google -> google.authorizeURL(new OAuth2AuthorizationURL()
        .setRedirectUri(callbackUrl)
        .setScopes(SCOPES)
        .setState(attempt.state())
        .setCodeChallenge(attempt.codeChallenge())
        .setCodeChallengeMethod("S256")
        .putAdditionalParameter("nonce", attempt.nonce())));
  }

  @Override
  public Future<ExternalIdentity> identify(String code, LoginAttempt attempt) {
    return client()
        .compose(google -> calls.exchange("token request", () -> google.authenticate(new Oauth2Credentials()
                .setFlow(OAuth2FlowType.AUTH_CODE)
                .setCode(code)
                .setRedirectUri(callbackUrl)
                .setCodeVerifier(attempt.codeVerifier())),
            GoogleProvider::refusedCode))
        .map(user -> IdTokens.verified(NAME, user, settings.baseUrl(), settings.clientId(), attempt.nonce()));
  }

  @Override
  public void close() {
    if (discovered != null && discovered.succeeded()) {
      discovered.result().close();
    }
  }

  /** The client made from the discovery document: discovered once, again after a failure. */
  private Future<OAuth2Auth> client() {
    if (discovered == null || discovered.failed()) {
      discovered = calls.call("discovery", () -> OpenIDConnectAuth.discover(vertx, options()))
          .onSuccess(google -> google.missingKeyHandler(kid -> calls.call("signing keys", google::jWKSet)));
    }
    return discovered;
  }

  // Discovery fills in the endpoints and the issuer to check: fresh options for every attempt.
  private OAuth2Options options() {
    OAuth2Options options = new OAuth2Options()
        .setSite(settings.baseUrl())
        .setClientId(settings.clientId())
        .setHttpClientOptions(ProviderCalls.httpOptions(timeoutMs));
    options.setJwkMaxAgeInSeconds(JWKS_MAX_AGE_SECONDS);
    return settings.clientSecret() == null ? options : options.setClientSecret(settings.clientSecret());
  }

  // RFC 6749 §5.2: an expired, used or foreign code is "invalid_grant".
  private static boolean refusedCode(String reason) {
    return reason.contains("invalid_grant");
  }
}
