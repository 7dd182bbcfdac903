package com.runningtrainer.trainer.analytics;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Daniels' five training intensities, as fractions of the VO2max a VDOT stands for (Daniels'
 * Running Formula, chapter 4): easy 59–74 %, marathon 75–84 %, threshold 83–88 %, interval
 * 95–100 %, repetition 105–120 %. Each pace is the speed whose oxygen cost is that fraction of
 * VDOT ({@link Vdot#speedAt}), computed rather than read from the book's tables.
 */
public enum TrainingPaces {
  E(0.59, 0.74), M(0.75, 0.84), T(0.83, 0.88), I(0.95, 1.00), R(1.05, 1.20);

  private final double low;
  private final double high;

  TrainingPaces(double low, double high) {
    this.low = low;
    this.high = high;
  }

  /** The threshold pace (min/km) of a VDOT: the fast end of T, the pace Daniels' T is run at. */
  public static double thresholdPace(double vdot) {
    return Vdot.paceAt(vdot, T.high);
  }

  /** The five ranges of the effort's VDOT, paces in min/km to the thousandth. */
  public static JsonArray of(Effort effort) {
    double vdot = effort.vdot();
    JsonArray paces = new JsonArray();
    for (TrainingPaces zone : values()) {
      paces.add(new JsonObject()
          .put("zone", zone.name())
          .put("percent_vo2max_low", Math.round(zone.low * 100))
          .put("percent_vo2max_high", Math.round(zone.high * 100))
          .put("fastest_pace", thousandths(Vdot.paceAt(vdot, zone.high)))
          .put("slowest_pace", thousandths(Vdot.paceAt(vdot, zone.low)))
          .put("run_id", effort.runId().toString()));
    }
    return paces;
  }

  static double thousandths(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
