package com.runningtrainer.trainer.plan.generate;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A plan the generator made: its fields, its workouts in date order, and how its weeks were built. */
public record GeneratedPlan(String name, String description, LocalDate startDate, LocalDate raceDate,
    List<PlannedWorkout> workouts, List<Week> weeks) {

  /**
   * One calendar week of the plan, by the athlete's first day of the week: its phase ({@code base},
   * {@code build}, {@code peak}, {@code taper} or {@code race}), whether it is a cut-back week, and
   * the distance of its training, the race left out.
   */
  public record Week(LocalDate weekStart, String phase, boolean cutBack, BigDecimal distanceKm) {

    JsonObject toJson() {
      return new JsonObject().put("week_start", weekStart.toString()).put("phase", phase).put("cut_back", cutBack)
          .put("distance_km", distanceKm.doubleValue());
    }
  }

  /** The weeks, as the answer to a generate shows them. */
  public JsonArray weeksJson() {
    JsonArray json = new JsonArray();
    weeks.forEach(week -> json.add(week.toJson()));
    return json;
  }
}
