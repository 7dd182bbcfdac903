package com.runningtrainer.trainer.analytics;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Predicted times over the classic distances from one effort, by VDOT and by Riegel, in minutes. */
public final class RacePredictions {

  private static final String[] NAMES = {"5k", "10k", "half_marathon", "marathon"};
  private static final double[] METRES = {5_000, 10_000, 21_097.5, 42_195};

  private RacePredictions() {
  }

  public static JsonArray of(Effort effort) {
    double vdot = effort.vdot();
    double metres = effort.distanceKm() * 1000;
    JsonArray races = new JsonArray();
    for (int i = 0; i < NAMES.length; i++) {
      races.add(new JsonObject()
          .put("distance", NAMES[i])
          .put("distance_km", METRES[i] / 1000)
          .put("vdot_minutes", hundredths(Vdot.raceMinutes(vdot, METRES[i])))
          .put("riegel_minutes", hundredths(Riegel.minutes(effort.durationMinutes(), metres, METRES[i])))
          .put("run_id", effort.runId().toString()));
    }
    return races;
  }

  private static double hundredths(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
