package com.runningtrainer.auth.oauth;

import com.runningtrainer.common.api.Failures;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;

/** The failures of OAuth2 logins, as service exceptions whose code is the HTTP status. */
final class OAuthFailures {

  private OAuthFailures() {
  }

  static ServiceException unknownProvider(String provider) {
    return new ServiceException(404, "there is no OAuth2 provider '" + provider + "'; known are google and strava");
  }

  static ServiceException notConfigured(String provider) {
    return new ServiceException(404, "the OAuth2 provider " + provider + " is not configured");
  }

  static ServiceException unknownState() {
    return new ServiceException(400, "this login is unknown, has expired or has already finished; start it again");
  }

  static ServiceException refused(String provider, String why) {
    return new ServiceException(401, "the login with " + provider + " failed: " + why);
  }

  static ServiceException providerFailed(String provider) {
    return new ServiceException(502, provider + " could not be reached in time or did not answer as its protocol says; try again");
  }

  /** The provider's breaker is open: the login cannot proceed now, and nothing is asked of the provider. */
  static ServiceException providerPaused(String provider, long retryAfterSeconds) {
    return new ServiceException(503, "logins with " + provider + " are paused after it failed repeatedly; try again later",
        new JsonObject().put(Failures.RETRY_AFTER_SECONDS, retryAfterSeconds));
  }

  static ServiceException unverifiedEmail(String provider) {
    return new ServiceException(409, "an account with this email exists, and " + provider
        + " does not say the email is verified, so the accounts are not linked: log in with your password");
  }

  static ServiceException unverifiedAccount(String provider) {
    return new ServiceException(409, "an account with this email exists, but its email is not verified, so it is not "
        + "linked to your " + provider + " login: whoever registered it may not own the address. If it is yours, "
        + "verify the email with the link mailed to it, or ask for a password reset (which verifies it and ends "
        + "every session of that account), then log in with " + provider + " again");
  }
}
