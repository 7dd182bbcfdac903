package com.runningtrainer.auth.oauth;

import com.runningtrainer.auth.session.Sessions;
import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Futures;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logins with an OAuth2 provider: begin one (a stored attempt and the provider's authorization
 * URL), then finish it when the browser comes back (the attempt taken, the code exchanged, the
 * identity checked and resolved to an account, a session opened as a password login opens one).
 */
public final class OAuthLogins {

  private static final Logger LOG = LoggerFactory.getLogger(OAuthLogins.class);

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

  /** The names of the providers configured. */
  public List<String> providers() {
    return providers.names();
  }

  /**
   * The provider's authorization URL for a new login attempt.
   *
   * @param browser whether the web app begins it: its callback then lands in the app
   */
  public Future<String> begin(String providerName, boolean browser) {
    return Futures.defer(() -> {
      Provider provider = providers.named(providerName);
      LoginAttempt attempt = LoginAttempt.begin(provider.name(), browser);
      return provider.authorizationUrl(attempt).compose(url -> attempts.save(attempt).map(url));
    });
  }

  /**
   * Our tokens for the user the provider identified. A login the web app began ends in a
   * landing even when it fails (with the failure's status); any other fails as it failed.
   *
   * @param callback the query the provider sent the browser back with: {@code state}, and
   *     {@code code} or {@code error}
   */
  public Future<OAuthLanding> finish(String providerName, JsonObject callback, JsonObject client) {
    return Futures.defer(() -> {
      Provider provider = providers.named(providerName);
      String state = callback.getString("state");
      if (state == null || state.isEmpty()) {
        throw Failures.invalid("state", "is required");
      }
      return attempts.take(state).compose(attempt -> {
        Future<JsonObject> tokens = identify(provider, attempt, callback)
            .compose(accounts::userFor)
            .compose(user -> sessions.open(user, client));
        // An attempt taken was begun here, with this state: only then is its browser flag believed.
        boolean browser = attempt != null && attempt.browser();
        return browser ? tokens.transform(done -> Future.succeededFuture(landing(done))) : tokens.map(t -> OAuthLanding.signedIn(false, t));
      });
    });
  }

  private static OAuthLanding landing(AsyncResult<JsonObject> done) {
    if (done.succeeded()) {
      return OAuthLanding.signedIn(true, done.result());
    }
    int status = done.cause() instanceof ServiceException failure ? failure.failureCode() : 500;
    // Turned into a redirect, the failure no longer reaches the handler that logs failures.
    LOG.warn("a browser's OAuth2 login failed with {}: {}", status, done.cause().toString());
    return OAuthLanding.failed(status);
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
