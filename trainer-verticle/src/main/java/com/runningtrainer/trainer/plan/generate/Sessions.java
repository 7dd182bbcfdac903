package com.runningtrainer.trainer.plan.generate;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The workouts of a generated plan, each named and described from its distance (tenths of a
 * km) with the athlete's paces. A quality session is a warm-up and a cool-down of up to 2 km
 * each around its work.
 */
final class Sessions {

  private static final int WARM_UP_TENTHS = 20;
  private static final int TENTHS_PER_INTERVAL = 12;
  private static final int TENTHS_PER_HILL = 5;

  private final Paces paces;

  Sessions(Paces paces) {
    this.paces = paces;
  }

  PlannedWorkout easy(LocalDate date, int tenths) {
    return new PlannedWorkout(date, "easy_run", "Easy " + km(tenths) + " km",
        km(tenths) + " km at " + paces.easy() + ".", BigDecimal.valueOf(tenths, 1));
  }

  PlannedWorkout shakeout(LocalDate date, int tenths) {
    return new PlannedWorkout(date, "easy_run", "Shakeout " + km(tenths) + " km",
        km(tenths) + " km at " + paces.easy() + ", fresh legs for race day.", BigDecimal.valueOf(tenths, 1));
  }

  PlannedWorkout longRun(LocalDate date, int tenths) {
    return new PlannedWorkout(date, "long_run", "Long run " + km(tenths) + " km",
        km(tenths) + " km at " + paces.longRun() + ".", BigDecimal.valueOf(tenths, 1));
  }

  /** The week's quality session: hill repeats in the base phase, tempo in the build, intervals at the peak. */
  PlannedWorkout quality(LocalDate date, String phase, int tenths) {
    int warmUp = Math.min(WARM_UP_TENTHS, tenths / 4);
    int work = tenths - 2 * warmUp;
    String around = km(warmUp) + " km easy warm-up, ";
    String after = ", " + km(warmUp) + " km easy cool-down.";
    BigDecimal distance = BigDecimal.valueOf(tenths, 1);
    return switch (phase) {
      case "base" -> {
        int hills = clamp(work / TENTHS_PER_HILL, 4, 12);
        yield new PlannedWorkout(date, "hill_repeats", "Hill repeats " + hills + " × 60 s", around + hills
            + " × 60 s uphill at a hard effort, jogging back down" + after, distance);
      }
      case "build" -> new PlannedWorkout(date, "tempo", "Tempo " + km(tenths) + " km",
          around + km(work) + " km at " + paces.tempo() + after, distance);
      default -> {
        int reps = clamp(work / TENTHS_PER_INTERVAL, 3, 12);
        yield new PlannedWorkout(date, "intervals", "Intervals " + reps + " × 800 m", around + reps
            + " × 800 m at " + paces.intervals() + " with 400 m jog recoveries" + after, distance);
      }
    };
  }

  PlannedWorkout race(LocalDate date, GoalDistance goal) {
    return new PlannedWorkout(date, "race", "Race: " + goal.label(), "Race day: the " + goal.label()
        + " this plan builds to.", goal.raceKm());
  }

  private static String km(int tenths) {
    return BigDecimal.valueOf(tenths, 1).stripTrailingZeros().toPlainString();
  }

  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }
}
