package com.runningtrainer.auth.oauth;

import com.runningtrainer.auth.session.Sessions;
import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Futures;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Logins with an OAuth2 provider: begin one (a stored attempt and the provider's authorization
 * URL), then finish it when the browser comes back (the attempt taken, the code exchanged, the
 * identity checked and resolved to an account, a session opened as a password login opens one).
 */
public final class OAuthLogins {

  private final Providers providers;
  private final LoginAttempts attempts;
  private final Accounts accounts;
  private final Sessions sessions;

  public OAuthLogins(Providers providers, LoginAttempts attempts, Accounts accounts, Sessions sessions) {
    this.providers = providers;
    this.attempts = attempts;
    this.accounts = accounts;
    this.sessions = sessions;
  }

  /** The provider's authorization URL for a new login attempt. */
  public Future<String> begin(String providerName) {
    return Futures.defer(() -> {
      Provider provider = providers.named(providerName);
      LoginAttempt attempt = LoginAttempt.begin(provider.name());
      return provider.authorizationUrl(attempt).compose(url -> attempts.save(attempt).map(url));
    });
  }

  /**
   * Our tokens for the user the provider identified.
   *
   * @param callback the query the provider sent the browser back with: {@code state}, and
   *     {@code code} or {@code error}
   */
  public Future<JsonObject> finish(String providerName, JsonObject callback, JsonObject client) {
    return Futures.defer(() -> {
      Provider provider = providers.named(providerName);
      String state = callback.getString("state");
      if (state == null || state.isEmpty()) {
        throw Failures.invalid("state", "is required");
      }
      return attempts.take(state)
          .compose(attempt -> identify(provider, attempt, callback))
          .compose(accounts::userFor)
          .compose(user -> sessions.open(user, client));
    });
  }

  private static Future<ExternalIdentity> identify(Provider provider, LoginAttempt attempt, JsonObject callback) {
    // An attempt begun with another provider is as unknown here as a forged state.
    if (attempt == null || !attempt.provider().equals(provider.name())) {
      return Future.failedFuture(OAuthFailures.unknownState());
    }
    String error = callback.getString("error");
    if (error != null) {
      return Future.failedFuture(OAuthFailures.refused(provider.name(), "it answered " + error));
    }
    String code = callback.getString("code");
    if (code == null || code.isEmpty()) {
      return Future.failedFuture(Failures.invalid("code", "is required"));
    }
    return provider.identify(code, attempt);
  }

  public void close() {
    providers.close();
  }
}
