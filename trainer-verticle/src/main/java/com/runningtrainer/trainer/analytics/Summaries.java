package com.runningtrainer.trainer.analytics;

import com.runningtrainer.common.db.Rows;
import com.runningtrainer.trainer.run.Pace;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The arithmetic on top of the sums SQL returns: overall pace and completion rate. */
final class Summaries {

  private Summaries() {
  }

  static JsonObject overall(Row row) {
    BigDecimal distance = row.getBigDecimal("distance_km");
    BigDecimal duration = row.getBigDecimal("duration_minutes");
    BigDecimal pace = Pace.of(distance, duration);
    return new JsonObject()
        .put("total_runs", row.getLong("runs"))
        .put("total_distance_km", Rows.number(row, "distance_km"))
        .put("total_duration_minutes", Rows.number(row, "duration_minutes"))
        .put("average_pace", pace == null ? null : pace.stripTrailingZeros().doubleValue())
        .put("longest_run_km", Rows.number(row, "longest_run_km"));
  }

  /** Completed over due workouts (completed or missed), 0 to 1; 0 while nothing is due. */
  static double completionRate(long completed, long missed) {
    long due = completed + missed;
    if (due == 0) {
      return 0;
    }
    return BigDecimal.valueOf(completed).divide(BigDecimal.valueOf(due), 4, RoundingMode.HALF_UP).doubleValue();
  }
}
