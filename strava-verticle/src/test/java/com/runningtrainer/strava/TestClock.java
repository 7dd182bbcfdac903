package com.runningtrainer.strava;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Real time, moved forward by a test when it wants a wait over at once (Strava's next quarter hour). */
final class TestClock extends Clock {

  private volatile long offsetMillis;

  /** From now on the clock reads this instant (and runs on from it); never backwards. */
  void moveTo(Instant instant) {
    long ahead = instant.toEpochMilli() - System.currentTimeMillis();
    offsetMillis = Math.max(offsetMillis, ahead);
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(System.currentTimeMillis() + offsetMillis);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
