package com.runningtrainer.strava.oauth;

/**
 * Strava answered, but not with success: its status and body, so that callers tell a refused
 * code or token (the athlete's business) from an inactive application or an outage.
 */
public final class StravaAnswer extends RuntimeException {

  private final int status;
  private final String body;

  public StravaAnswer(int status, String body) {
    super("Strava answered " + status, null, false, false);
    this.status = status;
    this.body = body == null ? "" : body;
  }

  public int status() {
    return status;
  }

  /**
   * Strava refused the grant (a code used before or expired, a revoked refresh token): 400 with
   * Strava's {@code errors} naming the code or token, {@code invalid_grant} in the standard's
   * words, or 401.
   */
  public boolean refusedGrant() {
    return status == 401 || (status == 400 && (body.contains("invalid_grant") || body.contains("AuthorizationCode")
        || body.contains("RefreshToken") || body.contains("\"invalid\"")));
  }

  /** 403 "Application Inactive" or "Limit of connected athletes exceeded": Strava refuses the application. */
  public boolean applicationRefused() {
    return status == 403;
  }

  /** The application has exceeded its connected-athlete limit (a 403 of its own). */
  public boolean athleteLimit() {
    return status == 403 && body.contains("Limit of connected athletes");
  }

  /** A 4xx that says Strava is up and read us: never counted as an outage. 408 and 429 mean "not now". */
  boolean clientError() {
    return status >= 400 && status < 500 && status != 408 && status != 429;
  }
}
