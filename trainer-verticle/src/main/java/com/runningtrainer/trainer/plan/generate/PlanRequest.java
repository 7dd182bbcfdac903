package com.runningtrainer.trainer.plan.generate;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Inputs;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;

/**
 * What a runner asks the generator for, from a body the contract has checked: the race, how
 * often they can run, and where their training stands now. The start date and the name are
 * optional (null).
 */
public record PlanRequest(
    GoalDistance goal,
    LocalDate raceDate,
    int runsPerWeek,
    BigDecimal currentWeeklyKm,
    BigDecimal currentLongRunKm,
    DayOfWeek longRunDay,
    LocalDate startDate,
    String name) {

  public static PlanRequest from(JsonObject body) {
    return new PlanRequest(
        GoalDistance.of(body.getString("goal_distance")),
        Inputs.date(body, "race_date"),
        body.getInteger("runs_per_week"),
        Inputs.decimal(body, "current_weekly_km"),
        Inputs.decimal(body, "current_long_run_km"),
        day(body.getString("long_run_day", "sunday")),
        Inputs.date(body, "start_date"),
        body.getString("name"));
  }

  private static DayOfWeek day(String name) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().toLowerCase(Locale.ROOT).equals(name)) {
        return day;
      }
    }
    throw Failures.invalid("long_run_day", "must be a day of the week, monday to sunday");
  }
}
