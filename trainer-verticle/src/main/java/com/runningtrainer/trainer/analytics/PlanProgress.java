package com.runningtrainer.trainer.analytics;

import com.runningtrainer.common.db.Rows;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

/**
 * Progress through a plan, overall and per week of the athlete's, from the rows of the progress
 * query: one per week in order, and one for the whole plan.
 */
final class PlanProgress {

  private PlanProgress() {
  }

  static JsonObject of(RowSet<Row> rows) {
    JsonObject overall = null;
    JsonArray weekly = new JsonArray();
    for (Row row : rows) {
      if (row.getInteger("overall") == 1) {
        overall = PlanTally.toJson(row);
      } else {
        weekly.add(PlanTally.toJson(row).put("week_start", Rows.date(row, "week_start")));
      }
    }
    return overall.put("weekly", weekly);
  }
}
