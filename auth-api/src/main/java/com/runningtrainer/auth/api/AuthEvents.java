package com.runningtrainer.auth.api;

/** What auth publishes on the event bus, for every service that cares to listen. */
public final class AuthEvents {

  /**
   * {@code {"user_id": "..."}}, published once a user's {@code coach} role is removed or their
   * account disabled, after the change is committed, so that the services holding coach access
   * end it. Fire-and-forget: a service down at that moment catches up at its next start; in a
   * cluster every node's listener receives it, so handlers must be idempotent.
   */
  public static final String COACH_LOST = "auth.coach-lost";

  private AuthEvents() {
  }
}
