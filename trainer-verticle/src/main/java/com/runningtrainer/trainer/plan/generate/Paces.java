package com.runningtrainer.trainer.plan.generate;

import java.math.BigDecimal;

/**
 * The paces a generated workout names, as ranges around the athlete's threshold pace (minutes
 * per km) when they set one; as efforts otherwise. The factors are the generator's own: easy
 * running 20–30 % slower than threshold, long runs 15–25 % slower, intervals 6–9 % faster.
 */
final class Paces {

  private final Double threshold;

  Paces(BigDecimal thresholdPace) {
    this.threshold = thresholdPace == null ? null : thresholdPace.doubleValue();
  }

  String easy() {
    return range(1.20, 1.30, "an easy, conversational effort");
  }

  String longRun() {
    return range(1.15, 1.25, "a steady, conversational effort");
  }

  String tempo() {
    return threshold == null ? "a comfortably hard effort you could hold for about an hour"
        : "threshold pace (" + minutesPerKm(threshold) + "/km)";
  }

  String intervals() {
    return range(0.91, 0.94, "a hard effort you could hold for about 15 minutes");
  }

  private String range(double fast, double slow, String effort) {
    if (threshold == null) {
      return effort;
    }
    return minutesPerKm(threshold * fast) + "–" + minutesPerKm(threshold * slow) + "/km";
  }

  /** A pace as a runner's watch shows it, m:ss. */
  static String minutesPerKm(double minutes) {
    long seconds = Math.round(minutes * 60);
    return seconds / 60 + ":" + String.format("%02d", seconds % 60);
  }
}
