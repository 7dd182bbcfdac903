package com.runningtrainer.strava.api;

import java.time.Instant;

/**
 * Strava's rate limit (the application's, shared by every athlete and node) is spent, or about to
 * be, for this kind of call: nothing was sent, and nothing should be before {@link #until()}.
 * A pause, never a failure: work waits and carries on.
 */
public final class BudgetSpent extends RuntimeException {

  private final Instant until;

  public BudgetSpent(Instant until) {
    super("Strava's rate limit is spent until " + until, null, false, false);
    this.until = until;
  }

  public Instant until() {
    return until;
  }
}
