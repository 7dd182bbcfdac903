package com.runningtrainer.pdf.render;

import com.runningtrainer.pdf.render.PrintablePlan.DoneRun;
import com.runningtrainer.pdf.render.PrintablePlan.PlannedWorkout;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A plan laid out by day: its workouts and runs looked up by date, the runs of each workout, and
 * the weeks (Monday first) and months it spans, from its start (or first workout) to its end (or
 * last workout), ten years at most.
 */
final class PlanCalendar {

  /**
   * The longest span printed. Dates may run from 1900 to 2200; thousands of pages of a mistyped end
   * date would hold a worker for minutes, so a printout stops after this many years and says so.
   */
  static final int LONGEST_YEARS = 10;

  private final Map<LocalDate, List<PlannedWorkout>> workoutsByDay = new HashMap<>();
  private final Map<LocalDate, List<DoneRun>> runsByDay = new HashMap<>();
  private final Map<String, List<DoneRun>> runsByWorkout = new HashMap<>();
  private final Set<String> workoutIds = new HashSet<>();
  private final LocalDate firstDay;
  private final LocalDate lastDay;
  private final LocalDate raceDay;
  private final boolean cut;

  private PlanCalendar(PrintablePlan plan, LocalDate today) {
    List<PlannedWorkout> workouts = orEmpty(plan.workouts()).stream().filter(w -> w != null && w.date() != null).toList();
    workouts.forEach(this::index);
    orEmpty(plan.runs()).stream().filter(r -> r != null && r.date() != null).forEach(this::index);
    List<LocalDate> bounds = Stream.concat(Stream.of(plan.startDate(), plan.endDate()), workouts.stream().map(PlannedWorkout::date))
        .filter(Objects::nonNull).sorted().toList();
    firstDay = bounds.isEmpty() ? today : bounds.get(0);
    LocalDate last = bounds.isEmpty() ? today : bounds.get(bounds.size() - 1);
    LocalDate longest = firstDay.plusYears(LONGEST_YEARS).minusDays(1);
    cut = last.isAfter(longest);
    lastDay = cut ? longest : last;
    raceDay = plan.goalRaceDate();
  }

  static PlanCalendar of(PrintablePlan plan, LocalDate today) {
    return new PlanCalendar(plan, today);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private void index(PlannedWorkout workout) {
    workoutsByDay.computeIfAbsent(workout.date(), d -> new ArrayList<>()).add(workout);
    if (workout.id() != null) {
      workoutIds.add(workout.id());
    }
  }

  private void index(DoneRun run) {
    runsByDay.computeIfAbsent(run.date(), d -> new ArrayList<>()).add(run);
    if (run.workoutId() != null) {
      runsByWorkout.computeIfAbsent(run.workoutId(), id -> new ArrayList<>()).add(run);
    }
  }

  boolean hasWorkouts() {
    return !workoutsByDay.isEmpty();
  }

  List<PlannedWorkout> workoutsOn(LocalDate day) {
    return workoutsByDay.getOrDefault(day, List.of());
  }

  /** Every run recorded on {@code day}, linked or not. */
  List<DoneRun> runsOn(LocalDate day) {
    return runsByDay.getOrDefault(day, List.of());
  }

  /** The runs that fulfil {@code workout}, whatever day they were run. */
  List<DoneRun> runsFor(PlannedWorkout workout) {
    return workout.id() == null ? List.of() : runsByWorkout.getOrDefault(workout.id(), List.of());
  }

  /** Runs on {@code day} that fulfil no workout of this plan. */
  List<DoneRun> unplannedRunsOn(LocalDate day) {
    return runsOn(day).stream().filter(r -> r.workoutId() == null || !workoutIds.contains(r.workoutId())).toList();
  }

  boolean isRaceDay(LocalDate day) {
    return day.equals(raceDay);
  }

  /** Whether the plan runs past the {@link #LONGEST_YEARS} printed. */
  boolean cut() {
    return cut;
  }

  LocalDate firstDay() {
    return firstDay;
  }

  LocalDate lastDay() {
    return lastDay;
  }

  /** The Mondays of the plan's weeks. */
  List<LocalDate> weeks() {
    LocalDate monday = monday(firstDay);
    long count = ChronoUnit.WEEKS.between(monday, monday(lastDay)) + 1;
    return Stream.iterate(monday, m -> m.plusWeeks(1)).limit(count).toList();
  }

  /** The months the plan touches. */
  List<YearMonth> months() {
    YearMonth first = YearMonth.from(firstDay);
    long count = ChronoUnit.MONTHS.between(first, YearMonth.from(lastDay)) + 1;
    return Stream.iterate(first, m -> m.plusMonths(1)).limit(count).toList();
  }

  /** 1 for the week of the plan's first day. */
  int weekNumber(LocalDate day) {
    return (int) ChronoUnit.WEEKS.between(monday(firstDay), monday(day)) + 1;
  }

  static LocalDate monday(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
