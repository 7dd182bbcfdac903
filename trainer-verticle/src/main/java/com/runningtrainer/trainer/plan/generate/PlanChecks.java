package com.runningtrainer.trainer.plan.generate;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What every generated plan must satisfy, read from its workouts alone (not from how the
 * generator built them), each calendar week by the athlete's first day of the week, the race
 * left out of its week's distance:
 * <ul>
 *   <li>one race, on the race date, the plan's last workout; none before the plan's start, one a day at most;</li>
 *   <li>no week's distance above 110 % of the last earlier week that was not a cut-back (a week below the
 *       week before it), the current weekly distance counting as the week before the first;</li>
 *   <li>every long run at most 35 % of its week's distance;</li>
 *   <li>a taper: the race week and the week before it each at most 80 % of the plan's highest week,
 *       the race week below the week before;</li>
 *   <li>every week but the race week has the runs asked for, one long run on the day asked for and one
 *       quality session.</li>
 * </ul>
 */
public final class PlanChecks {

  private static final Set<String> QUALITY = Set.of("tempo", "intervals", "hill_repeats");

  private PlanChecks() {
  }

  /** What the plan breaks, one sentence each; empty when it passes. */
  public static List<String> violations(GeneratedPlan plan, PlanRequest request, DayOfWeek weekStart) {
    List<String> broken = new ArrayList<>();
    race(plan, request, broken);
    TreeMap<LocalDate, List<PlannedWorkout>> weeks = new TreeMap<>();
    plan.workouts().forEach(workout -> weeks.computeIfAbsent(
        workout.date().with(TemporalAdjusters.previousOrSame(weekStart)), week -> new ArrayList<>()).add(workout));
    growth(weeks, request.currentWeeklyKm(), broken);
    longRuns(weeks, broken);
    taper(weeks, broken);
    shape(weeks, request, broken);
    return broken;
  }

  private static void race(GeneratedPlan plan, PlanRequest request, List<String> broken) {
    List<PlannedWorkout> workouts = plan.workouts();
    List<PlannedWorkout> races = workouts.stream().filter(PlannedWorkout::isRace).toList();
    if (races.size() != 1 || !races.get(0).date().equals(request.raceDate())
        || !workouts.get(workouts.size() - 1).isRace()) {
      broken.add("one race, on the race date, ends the plan: " + races);
    }
    Set<LocalDate> days = new HashSet<>();
    for (PlannedWorkout workout : workouts) {
      if (workout.date().isBefore(plan.startDate()) || !days.add(workout.date())) {
        broken.add("a workout before the start or a second one the same day: " + workout);
      }
    }
  }

  private static void growth(TreeMap<LocalDate, List<PlannedWorkout>> weeks, BigDecimal current, List<String> broken) {
    BigDecimal reference = current;
    BigDecimal previous = current;
    for (Map.Entry<LocalDate, List<PlannedWorkout>> week : weeks.entrySet()) {
      BigDecimal distance = training(week.getValue());
      if (distance.compareTo(reference.multiply(new BigDecimal("1.10"))) > 0) {
        broken.add("week of " + week.getKey() + " runs " + distance + " km, more than 110 % of " + reference + " km");
      }
      if (distance.compareTo(previous) >= 0) {
        reference = distance;
      }
      previous = distance;
    }
  }

  private static void longRuns(TreeMap<LocalDate, List<PlannedWorkout>> weeks, List<String> broken) {
    weeks.forEach((start, workouts) -> {
      BigDecimal limit = training(workouts).multiply(new BigDecimal("0.35"));
      workouts.stream().filter(w -> w.type().equals("long_run") && w.distanceKm().compareTo(limit) > 0)
          .forEach(w -> broken.add("long run of " + w.distanceKm() + " km is over 35 % of the week of " + start));
    });
  }

  private static void taper(TreeMap<LocalDate, List<PlannedWorkout>> weeks, List<String> broken) {
    if (weeks.size() < 2) {
      broken.add("no taper: the plan has fewer than two weeks");
      return;
    }
    BigDecimal highest = weeks.values().stream().map(PlanChecks::training).max(BigDecimal::compareTo).orElseThrow();
    BigDecimal raceWeek = training(weeks.lastEntry().getValue());
    BigDecimal weekBefore = training(weeks.lowerEntry(weeks.lastKey()).getValue());
    BigDecimal limit = highest.multiply(new BigDecimal("0.80"));
    if (raceWeek.compareTo(limit) > 0 || weekBefore.compareTo(limit) > 0 || raceWeek.compareTo(weekBefore) >= 0) {
      broken.add("no taper: " + weekBefore + " km then " + raceWeek + " km after a highest week of " + highest + " km");
    }
  }

  private static void shape(TreeMap<LocalDate, List<PlannedWorkout>> weeks, PlanRequest request, List<String> broken) {
    weeks.headMap(weeks.lastKey()).forEach((start, workouts) -> {
      List<PlannedWorkout> longRuns = workouts.stream().filter(w -> w.type().equals("long_run")).toList();
      long quality = workouts.stream().filter(w -> QUALITY.contains(w.type())).count();
      if (workouts.size() != request.runsPerWeek() || quality != 1 || longRuns.size() != 1
          || longRuns.get(0).date().getDayOfWeek() != request.longRunDay()) {
        broken.add("week of " + start + " is not " + request.runsPerWeek() + " runs with one quality session and the"
            + " long run on " + request.longRunDay() + ": " + workouts);
      }
    });
  }

  /** A week's distance, the race left out. */
  private static BigDecimal training(List<PlannedWorkout> workouts) {
    return workouts.stream().filter(w -> !w.isRace()).map(PlannedWorkout::distanceKm)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
