package com.runningtrainer.trainer.analytics;

import com.runningtrainer.trainer.analytics.Compliance.Status;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * A plan's workouts counted by how they stand, over the whole plan or one week of it, and the
 * runs done beside it (linked to no workout) apart, as a row of the progress query counts them.
 */
final class PlanTally {

  private PlanTally() {
  }

  static JsonObject toJson(Row row) {
    long completed = row.getLong("completed");
    long missed = row.getLong(Status.MISSED.label());
    JsonObject statuses = new JsonObject();
    for (Status status : Status.values()) {
      statuses.put(status.label(), row.getLong(status.label()));
    }
    return new JsonObject()
        .put("total_workouts", row.getLong("total"))
        .put("completed_workouts", completed)
        .put("missed_workouts", missed)
        .put("upcoming_workouts", row.getLong(Status.UPCOMING.label()))
        .put("completion_rate", Summaries.completionRate(completed, missed))
        .put("planned_distance_km", number(row, "planned_km"))
        .put("actual_distance_km", number(row, "actual_km"))
        .put("by_status", statuses)
        .put("unplanned_runs", row.getLong("unplanned_runs"))
        .put("unplanned_distance_km", number(row, "unplanned_km"));
  }

  private static double number(Row row, String column) {
    return row.getBigDecimal(column).stripTrailingZeros().doubleValue();
  }
}
