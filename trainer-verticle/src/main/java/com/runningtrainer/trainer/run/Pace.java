package com.runningtrainer.trainer.run;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Pace in minutes per km, the unit runners read on their watches. */
public final class Pace {

  /** A kilometre in a week: the slowest pace the contract takes. */
  public static final BigDecimal MAX_MINUTES_PER_KM = BigDecimal.valueOf(10080);

  private static final int SCALE = 3;

  private Pace() {
  }

  /** Duration over distance, to the thousandth of a minute; null when there is no distance. */
  public static BigDecimal of(BigDecimal distanceKm, BigDecimal durationMinutes) {
    if (distanceKm == null || durationMinutes == null || distanceKm.signum() <= 0) {
      return null;
    }
    return durationMinutes.divide(distanceKm, SCALE, RoundingMode.HALF_UP);
  }
}
