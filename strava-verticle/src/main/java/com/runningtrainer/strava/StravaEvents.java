package com.runningtrainer.strava;

/** The event-bus addresses the strava service publishes and listens at, between its own verticles. */
public final class StravaEvents {

  /** Published when a sync job is queued, so that a background worker takes it at once. */
  public static final String SYNC_QUEUED = "strava.sync.queued";

  private StravaEvents() {
  }
}
