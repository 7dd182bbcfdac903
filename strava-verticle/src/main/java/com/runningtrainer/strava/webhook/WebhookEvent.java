package com.runningtrainer.strava.webhook;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * One event of Strava's push subscription as stored, held by the try that took it.
 *
 * @param athleteId Strava's {@code owner_id}: the athlete at Strava
 * @param attempt the try this is (1 for the first)
 */
public record WebhookEvent(long id, String objectType, long objectId, String aspectType, long athleteId,
    JsonObject updates, int attempt) {

  public static final String ACTIVITY = "activity";
  public static final String ATHLETE = "athlete";

  static WebhookEvent of(Row row) {
    return new WebhookEvent(row.getLong("id"), row.getString("object_type"), row.getLong("object_id"),
        row.getString("aspect_type"), row.getLong("owner_id"), row.getJsonObject("updates"), row.getInteger("attempts"));
  }

  /** An athlete update saying they revoked this application in Strava's settings. */
  public boolean deauthorization() {
    return ATHLETE.equals(objectType) && "update".equals(aspectType) && "false".equals(updates.getString("authorized"));
  }

  @Override
  public String toString() {
    return objectType + " " + objectId + " " + aspectType;
  }
}
