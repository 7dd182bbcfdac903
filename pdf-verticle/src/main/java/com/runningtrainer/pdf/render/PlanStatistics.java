package com.runningtrainer.pdf.render;

import com.runningtrainer.pdf.render.PrintablePlan.DoneRun;
import com.runningtrainer.pdf.render.PrintablePlan.PlannedWorkout;
import java.time.LocalDate;

/**
 * The numbers of a plan, or of a part of it, as of a day. They count as the trainer's progress
 * does: rest days are planned rest, never completed nor missed; a workout is completed when a run
 * is linked to it, missed when none is and its day is before today.
 *
 * @param plannedKm the planned distance
 * @param plannedMinutes the planned duration
 * @param workouts planned workouts, rest days excluded
 * @param completed workouts with a linked run
 * @param missed workouts without one, due before today
 * @param doneKm the distance run, planned or not
 * @param doneMinutes the time run
 * @param runs the runs
 * @param longestRunKm the longest run, 0 when none
 */
record PlanStatistics(
    double plannedKm, double plannedMinutes, int workouts, int completed, int missed,
    double doneKm, double doneMinutes, int runs, double longestRunKm) {

  private static final String REST = "rest";

  /** The numbers of the days {@code from} to {@code to}, both included. */
  static PlanStatistics of(PlanCalendar calendar, LocalDate from, LocalDate to, LocalDate today) {
    Counter counter = new Counter();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      for (PlannedWorkout workout : calendar.workoutsOn(day)) {
        counter.plan(workout, !calendar.runsFor(workout).isEmpty(), day.isBefore(today));
      }
      calendar.runsOn(day).forEach(counter::run);
    }
    return counter.statistics();
  }

  /** The numbers of the whole plan. */
  static PlanStatistics of(PlanCalendar calendar, LocalDate today) {
    return of(calendar, calendar.firstDay(), calendar.lastDay(), today);
  }

  /** Completed over due (completed or missed) workouts, 0 to 1; 0 while none is due. */
  double completionRate() {
    int due = completed + missed;
    return due == 0 ? 0 : (double) completed / due;
  }

  /** Whether any workout was due, so that a completion rate means something. */
  boolean anyDue() {
    return completed + missed > 0;
  }

  static boolean isRest(PlannedWorkout workout) {
    return REST.equals(workout.type());
  }

  private static final class Counter {
    private double plannedKm;
    private double plannedMinutes;
    private int workouts;
    private int completed;
    private int missed;
    private double doneKm;
    private double doneMinutes;
    private int runs;
    private double longestRunKm;

    void plan(PlannedWorkout workout, boolean done, boolean past) {
      plannedKm += workout.distanceKm() == null ? 0 : Format.finite(workout.distanceKm());
      plannedMinutes += workout.durationMinutes() == null ? 0 : Format.finite(workout.durationMinutes());
      if (isRest(workout)) {
        return;
      }
      workouts++;
      if (done) {
        completed++;
      } else if (past) {
        missed++;
      }
    }

    void run(DoneRun run) {
      double km = Format.finite(run.distanceKm());
      doneKm += km;
      doneMinutes += Format.finite(run.durationMinutes());
      runs++;
      longestRunKm = Math.max(longestRunKm, km);
    }

    PlanStatistics statistics() {
      return new PlanStatistics(plannedKm, plannedMinutes, workouts, completed, missed, doneKm, doneMinutes, runs, longestRunKm);
    }
  }
}
