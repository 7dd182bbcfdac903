package com.runningtrainer.strava.webhook;

/** The event-bus address of the webhook. */
public final class WebhookEvents {

  /**
   * Published (locally, and across a cluster) when an event is stored, so that a worker takes it
   * at once rather than at its next poll.
   */
  public static final String RECEIVED = "strava.webhook.received";

  private WebhookEvents() {
  }
}
