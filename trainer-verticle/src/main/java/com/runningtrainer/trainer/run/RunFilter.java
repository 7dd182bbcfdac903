package com.runningtrainer.trainer.run;

import com.runningtrainer.common.api.DateRange;
import com.runningtrainer.common.api.Inputs;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** What a run list may be narrowed by; every part optional. */
public record RunFilter(DateRange dates, UUID workoutId) {

  public static RunFilter from(JsonObject query) {
    return new RunFilter(DateRange.from(query), Inputs.uuid(query, "workout_id"));
  }
}
