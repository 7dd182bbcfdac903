package com.runningtrainer.trainer.plan;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Inputs;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;

/**
 * A shift of a plan's workouts on and after a date by a number of days (negative: earlier), for
 * illness or travel. Workouts already done (a run linked) stay on the day they were done: the
 * run happened then, and moving its workout would make the diary say otherwise. The plan's goal
 * race date moves too when it is on or after the date. What moves must stay within the plan's
 * dates, unless {@code extend} is asked for: then the plan's start or end moves just as far as
 * the earliest or latest of them.
 */
public record PlanShift(int days, LocalDate from, boolean extend) {

  public static PlanShift from(JsonObject body) {
    PlanShift shift = new PlanShift(body.getInteger("days"), Inputs.date(body, "from"), body.getBoolean("extend", false));
    if (shift.days == 0) {
      throw Failures.invalid("days", "must not be 0");
    }
    return shift;
  }

  /** A plan's dates. */
  public record Dates(LocalDate start, LocalDate end, LocalDate goalRace) {
  }

  /**
   * The plan's dates once the shift is done, given the first and last date (before the shift) of
   * the workouts that move, both null when none does; 422 when something would leave the plan
   * and {@code extend} was not asked for, or would leave the dates a diary holds.
   */
  public Dates apply(Dates plan, LocalDate firstMoving, LocalDate lastMoving) {
    LocalDate race = moves(plan.goalRace()) ? plan.goalRace().plusDays(days) : plan.goalRace();
    LocalDate earliest = earliest(firstMoving == null ? null : firstMoving.plusDays(days), moves(plan.goalRace()) ? race : null);
    LocalDate latest = latest(lastMoving == null ? null : lastMoving.plusDays(days), moves(plan.goalRace()) ? race : null);
    if (earliest == null) {
      return new Dates(plan.start(), plan.end(), race);
    }
    if (!extend && (earliest.isBefore(plan.start()) || latest.isAfter(plan.end()))) {
      throw Failures.unprocessable("days", "would move workouts to " + (latest.isAfter(plan.end()) ? latest
          + ", after the plan's end_date " + plan.end() : earliest + ", before the plan's start_date " + plan.start())
          + ": send extend true to move the plan's dates with them");
    }
    if (earliest.isBefore(Inputs.FIRST_DATE) || latest.isAfter(Inputs.LAST_DATE)) {
      throw Failures.unprocessable("days", "would move workouts outside " + Inputs.FIRST_DATE + " to " + Inputs.LAST_DATE);
    }
    return new Dates(earliest(plan.start(), earliest), latest(plan.end(), latest), race);
  }

  private boolean moves(LocalDate date) {
    return date != null && !date.isBefore(from);
  }

  private static LocalDate earliest(LocalDate a, LocalDate b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
