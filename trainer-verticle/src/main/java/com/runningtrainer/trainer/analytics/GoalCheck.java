package com.runningtrainer.trainer.analytics;

import com.runningtrainer.trainer.analytics.Compliance.Done;
import com.runningtrainer.trainer.athlete.AthleteSettings.Goals;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What was done in a period against the goals set for it. A goal is met when what was done
 * reaches it; a period meets its goals when every goal set is met. Unset goals are not measured.
 */
final class GoalCheck {

  private GoalCheck() {
  }

  /** Whether every goal set is met; only asked of goals of which at least one is set. */
  static boolean met(Goals goals, Done done) {
    return reached(done.distanceKm(), goals.distanceKm())
        && reached(done.durationMinutes(), goals.durationMinutes())
        && reached(BigDecimal.valueOf(done.runs()), runs(goals));
  }

  /** Per goal, the ratio of done over goal (two decimals) and whether it is met; null for an unset goal. */
  static JsonObject progress(Goals goals, Done done) {
    return new JsonObject()
        .put("distance_km", progress(done.distanceKm(), goals.distanceKm()))
        .put("duration_minutes", progress(done.durationMinutes(), goals.durationMinutes()))
        .put("runs", progress(BigDecimal.valueOf(done.runs()), runs(goals)));
  }

  private static JsonObject progress(BigDecimal done, BigDecimal goal) {
    if (goal == null) {
      return null;
    }
    return new JsonObject()
        .put("ratio", done.divide(goal, 2, RoundingMode.HALF_UP).doubleValue())
        .put("met", done.compareTo(goal) >= 0);
  }

  private static boolean reached(BigDecimal done, BigDecimal goal) {
    return goal == null || done.compareTo(goal) >= 0;
  }

  private static BigDecimal runs(Goals goals) {
    return goals.runs() == null ? null : BigDecimal.valueOf(goals.runs());
  }
}
