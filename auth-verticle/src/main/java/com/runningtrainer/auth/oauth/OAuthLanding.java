package com.runningtrainer.auth.oauth;

import io.vertx.core.json.JsonObject;

/**
 * How a login with a provider ended, for its callback's answer: our {@code tokens} when it
 * succeeded; for a login the web app began ({@code browser}), the HTTP status of its failure
 * instead of a failed future, since that browser is sent back to the app either way.
 *
 * @param tokens the token answer of login, or null when the login failed
 * @param failure the status of the failure, or 0
 */
public record OAuthLanding(boolean browser, JsonObject tokens, int failure) {

  static OAuthLanding signedIn(boolean browser, JsonObject tokens) {
    return new OAuthLanding(browser, tokens, 0);
  }

  static OAuthLanding failed(int status) {
    return new OAuthLanding(true, null, status);
  }
}
