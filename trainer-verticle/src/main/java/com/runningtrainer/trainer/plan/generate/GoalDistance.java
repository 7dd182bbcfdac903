package com.runningtrainer.trainer.plan.generate;

import com.runningtrainer.common.api.Failures;
import java.math.BigDecimal;

/**
 * The race distances the generator plans for, with what each asks of a runner: the fewest weeks
 * from the first training week to the race week, the weekly volume and long run to start from,
 * the weekly volume to build up to, the longest long run, and how many weeks the taper lasts.
 * Volumes are in tenths of a km, so that the rules add up exactly.
 */
public enum GoalDistance {

  FIVE_K("5k", "5 km", new BigDecimal("5"), 6, 100, 30, 400, 140, 2),
  TEN_K("10k", "10 km", new BigDecimal("10"), 8, 150, 50, 500, 180, 2),
  HALF("half", "half marathon", new BigDecimal("21.098"), 10, 200, 80, 600, 240, 3),
  MARATHON("marathon", "marathon", new BigDecimal("42.195"), 14, 300, 120, 750, 320, 3);

  private final String key;
  private final String label;
  private final BigDecimal raceKm;
  private final int minWeeks;
  private final int minWeeklyTenths;
  private final int minLongRunTenths;
  private final int peakWeeklyTenths;
  private final int longRunCapTenths;
  private final int taperWeeks;

  GoalDistance(String key, String label, BigDecimal raceKm, int minWeeks, int minWeeklyTenths, int minLongRunTenths,
      int peakWeeklyTenths, int longRunCapTenths, int taperWeeks) {
    this.key = key;
    this.label = label;
    this.raceKm = raceKm;
    this.minWeeks = minWeeks;
    this.minWeeklyTenths = minWeeklyTenths;
    this.minLongRunTenths = minLongRunTenths;
    this.peakWeeklyTenths = peakWeeklyTenths;
    this.longRunCapTenths = longRunCapTenths;
    this.taperWeeks = taperWeeks;
  }

  /** The goal named as the contract spells it ({@code 5k}, {@code 10k}, {@code half}, {@code marathon}). */
  public static GoalDistance of(String key) {
    for (GoalDistance goal : values()) {
      if (goal.key.equals(key)) {
        return goal;
      }
    }
    throw Failures.invalid("goal_distance", "must be one of 5k, 10k, half, marathon");
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public BigDecimal raceKm() {
    return raceKm;
  }

  /** Weeks of training, the race week included, the plan needs at the least. */
  public int minWeeks() {
    return minWeeks;
  }

  public int minWeeklyTenths() {
    return minWeeklyTenths;
  }

  public int minLongRunTenths() {
    return minLongRunTenths;
  }

  /** The weekly volume the build aims for, unless the runner already runs more. */
  public int peakWeeklyTenths() {
    return peakWeeklyTenths;
  }

  public int longRunCapTenths() {
    return longRunCapTenths;
  }

  /** Weeks of taper, the race week included. */
  public int taperWeeks() {
    return taperWeeks;
  }
}
