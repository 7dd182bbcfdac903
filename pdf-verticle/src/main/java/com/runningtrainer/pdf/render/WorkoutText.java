package com.runningtrainer.pdf.render;

import com.runningtrainer.pdf.render.PrintablePlan.DoneRun;
import com.runningtrainer.pdf.render.PrintablePlan.PlannedWorkout;
import java.util.ArrayList;
import java.util.List;

/** How a workout and a run are summed up in a few words, the same in every template. */
final class WorkoutText {

  static final String DONE_MARK = "✓";
  static final String MISSED_MARK = "✗";

  /** Where a workout stands on a given day. */
  enum Status { DONE, MISSED, UPCOMING, REST }

  private WorkoutText() {
  }

  /** "12 km · 1 h 05", or what of it is planned; "" when neither is. */
  static String planned(PlannedWorkout workout) {
    return String.join(" · ", plannedParts(workout));
  }

  /** The distance, else the duration, else "": what a small calendar cell has room for. */
  static String plannedBriefly(PlannedWorkout workout) {
    List<String> parts = plannedParts(workout);
    return parts.isEmpty() ? "" : parts.get(0);
  }

  private static List<String> plannedParts(PlannedWorkout workout) {
    List<String> parts = new ArrayList<>();
    if (workout.distanceKm() != null && Format.finite(workout.distanceKm()) > 0) {
      parts.add(Format.km(workout.distanceKm()));
    }
    if (workout.durationMinutes() != null && Format.finite(workout.durationMinutes()) > 0) {
      parts.add(Format.minutes(workout.durationMinutes()));
    }
    return parts;
  }

  /** "10.2 km · 52 min". */
  static String run(DoneRun run) {
    return Format.km(run.distanceKm()) + (Format.finite(run.durationMinutes()) > 0 ? " · " + Format.minutes(run.durationMinutes()) : "");
  }

  /** The workout's name, or its type's label when it has none. */
  static String name(PlannedWorkout workout) {
    String name = TextFitter.line(workout.name());
    return name.isEmpty() ? WorkoutPalette.label(workout.type()) : name;
  }

  static Status status(PlannedWorkout workout, PlanCalendar calendar, java.time.LocalDate today) {
    if (PlanStatistics.isRest(workout)) {
      return Status.REST;
    }
    if (!calendar.runsFor(workout).isEmpty()) {
      return Status.DONE;
    }
    return workout.date().isBefore(today) ? Status.MISSED : Status.UPCOMING;
  }
}
