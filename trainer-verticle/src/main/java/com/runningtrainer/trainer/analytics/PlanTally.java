package com.runningtrainer.trainer.analytics;

import com.runningtrainer.trainer.analytics.Compliance.Done;
import com.runningtrainer.trainer.analytics.Compliance.Planned;
import com.runningtrainer.trainer.analytics.Compliance.Status;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * A plan's workouts counted by how they stand, over the whole plan or one week of it, and the
 * runs done beside it (linked to no workout) apart. Rest days count only as {@code rest}: they
 * are never completed, missed or upcoming, and their distance is not planned running.
 */
final class PlanTally {

  private final Map<Status, Long> byStatus = new EnumMap<>(Status.class);
  private long total;
  private long completed;
  private BigDecimal plannedKm = BigDecimal.ZERO;
  private BigDecimal actualKm = BigDecimal.ZERO;
  private long unplannedRuns;
  private BigDecimal unplannedKm = BigDecimal.ZERO;

  PlanTally() {
    for (Status status : Status.values()) {
      byStatus.put(status, 0L);
    }
  }

  void workout(Planned planned, Done done, Compliance compliance) {
    byStatus.merge(compliance.status(), 1L, Long::sum);
    if (compliance.status() == Status.REST) {
      return;
    }
    total++;
    if (done.runs() > 0) {
      completed++;
    }
    if (planned.distanceKm() != null) {
      plannedKm = plannedKm.add(planned.distanceKm());
    }
    actualKm = actualKm.add(done.distanceKm());
  }

  void unplanned(Done runs) {
    unplannedRuns += runs.runs();
    unplannedKm = unplannedKm.add(runs.distanceKm());
  }

  JsonObject toJson() {
    long missed = byStatus.get(Status.MISSED);
    JsonObject statuses = new JsonObject();
    byStatus.forEach((status, count) -> statuses.put(status.label(), count));
    return new JsonObject()
        .put("total_workouts", total)
        .put("completed_workouts", completed)
        .put("missed_workouts", missed)
        .put("upcoming_workouts", byStatus.get(Status.UPCOMING))
        .put("completion_rate", Summaries.completionRate(completed, missed))
        .put("planned_distance_km", number(plannedKm))
        .put("actual_distance_km", number(actualKm))
        .put("by_status", statuses)
        .put("unplanned_runs", unplannedRuns)
        .put("unplanned_distance_km", number(unplannedKm));
  }

  private static double number(BigDecimal value) {
    return value.stripTrailingZeros().doubleValue();
  }
}
