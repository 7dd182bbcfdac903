package com.runningtrainer.trainer.analytics;

/**
 * Daniels and Gilbert's running formulas ("Oxygen Power", 1979), not the copyrighted tables made
 * from them: the oxygen cost of running at a speed, the fraction of VO2max a runner sustains for
 * a duration, and their quotient, VDOT, the VO2max a race result implies. Speeds in m/min,
 * durations in minutes, distances in metres, paces in minutes per km.
 */
public final class Vdot {

  // Bisection brackets of a race time, in m/min: beyond the fastest, no human; below the
  // slowest, the oxygen cost turns negative and the formula means nothing.
  private static final double FASTEST = 2_000;
  private static final double SLOWEST = 20;
  private static final int HALVINGS = 100;

  private Vdot() {
  }

  /** Oxygen cost (ml/kg/min) of running at {@code metresPerMinute}. */
  public static double oxygenCost(double metresPerMinute) {
    return -4.60 + 0.182258 * metresPerMinute + 0.000104 * metresPerMinute * metresPerMinute;
  }

  /** The fraction of VO2max a runner sustains for a race of {@code minutes}. */
  public static double sustainedFraction(double minutes) {
    return 0.8 + 0.1894393 * Math.exp(-0.012778 * minutes) + 0.2989558 * Math.exp(-0.1932605 * minutes);
  }

  /** The VDOT of {@code metres} run in {@code minutes}. */
  public static double of(double metres, double minutes) {
    return oxygenCost(metres / minutes) / sustainedFraction(minutes);
  }

  /**
   * The time in minutes a runner of this VDOT runs {@code metres} in: the time whose VDOT is
   * {@code vdot}, by bisection (a shorter time means a higher VDOT over the range searched).
   */
  public static double raceMinutes(double vdot, double metres) {
    double fast = metres / FASTEST;
    double slow = metres / SLOWEST;
    for (int i = 0; i < HALVINGS; i++) {
      double middle = (fast + slow) / 2;
      if (of(metres, middle) > vdot) {
        fast = middle;
      } else {
        slow = middle;
      }
    }
    return (fast + slow) / 2;
  }

  /** The speed in m/min whose oxygen cost is {@code vo2}: the positive root of the cost's quadratic. */
  public static double speedAt(double vo2) {
    double a = 0.000104;
    double b = 0.182258;
    double c = -4.60 - vo2;
    return (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a);
  }

  /** The pace in min/km at {@code fraction} of the VO2max a runner of this VDOT has. */
  public static double paceAt(double vdot, double fraction) {
    return 1000 / speedAt(vdot * fraction);
  }
}
