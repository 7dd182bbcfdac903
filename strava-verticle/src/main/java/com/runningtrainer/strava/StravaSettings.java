package com.runningtrainer.strava;

import com.runningtrainer.common.config.Config;

/**
 * What the strava service reads from the environment, by the names docs/configuration.md lists.
 *
 * @param baseUrl {@code STRAVA_BASE_URL}: Strava's OAuth server, shared with auth's Strava login
 * @param apiUrl {@code STRAVA_API_URL}: Strava's API v3, where activities are read and written
 * @param clientId {@code STRAVA_CLIENT_ID}; null when Strava is not configured
 * @param clientSecret {@code STRAVA_CLIENT_SECRET}
 * @param redirectUrl {@code STRAVA_REDIRECT_URL}: where Strava sends the browser back, as registered at
 *     Strava: by default the web app's {@code /strava/connected} page on the gateway (8000), which
 *     posts the fields to {@code /api/v1/strava/callback}; a client of its own may name that instead
 * @param timeoutMs {@code STRAVA_TIMEOUT_MS}: the longest one call to Strava (OAuth or API) may take
 */
public record StravaSettings(String baseUrl, String apiUrl, String clientId, String clientSecret, String redirectUrl,
    long timeoutMs) {

  /** The variable of the key that seals the tokens; its file in RT_DATA_DIR when unset. */
  public static final String TOKEN_KEY = "STRAVA_TOKEN_KEY";
  public static final String TOKEN_KEY_FILE = "strava-token.key";

  public static StravaSettings from(Config config) {
    return new StravaSettings(
        withoutTrailingSlash(config.string("STRAVA_BASE_URL", "https://www.strava.com")),
        withoutTrailingSlash(config.string("STRAVA_API_URL", "https://www.strava.com/api/v3")),
        config.find("STRAVA_CLIENT_ID").orElse(null),
        config.find("STRAVA_CLIENT_SECRET").orElse(null),
        config.string("STRAVA_REDIRECT_URL", "http://localhost:8000/strava/connected"),
        Math.max(100, config.integer("STRAVA_TIMEOUT_MS", 5_000)));
  }

  public boolean configured() {
    return clientId != null && clientSecret != null;
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
