package com.runningtrainer.strava.oauth;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Strava's token answer.
 *
 * @param athlete the athlete summary; only with the {@code authorization_code} grant, else null
 */
public record TokenGrant(String accessToken, String refreshToken, Instant expiresAt, JsonObject athlete) {

  static TokenGrant from(JsonObject answer) {
    if (!(answer.getValue("access_token") instanceof String access) || !(answer.getValue("refresh_token") instanceof String refresh)
        || !(answer.getValue("expires_at") instanceof Number expiresAt)) {
      throw new StravaAnswer(200, "a token answer without access_token, refresh_token or expires_at");
    }
    JsonObject athlete = answer.getValue("athlete") instanceof JsonObject json ? json : null;
    return new TokenGrant(access, refresh, Instant.ofEpochSecond(expiresAt.longValue()), athlete);
  }
}
