package com.runningtrainer.pdf.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.runningtrainer.pdf.render.PrintablePlan.DoneRun;
import com.runningtrainer.pdf.render.PrintablePlan.PlannedWorkout;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanStatisticsTest {

  private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
  private static final LocalDate TODAY = MONDAY.plusDays(4);

  private static final PlannedWorkout EASY = workout("easy", 0, "easy_run", 8.0, 45.0);
  private static final PlannedWorkout REST = workout("rest", 1, "rest", null, null);
  private static final PlannedWorkout TEMPO = workout("tempo", 2, "tempo", 10.0, 50.0);
  private static final PlannedWorkout TODAYS = workout("today", 4, "intervals", 9.0, 55.0);
  private static final PlannedWorkout LONG = workout("long", 6, "long_run", 25.0, 150.0);

  @Test
  void plannedDistanceAndTimeAreSummedOverTheWorkouts() {
    PlanStatistics statistics = statistics(List.of());

    assertThat(statistics.plannedKm()).isEqualTo(52.0);
    assertThat(statistics.plannedMinutes()).isEqualTo(300.0);
    assertThat(statistics.workouts()).isEqualTo(4);
  }

  @Test
  void aWorkoutIsCompletedWhenARunIsLinkedToIt() {
    PlanStatistics statistics = statistics(List.of(run(0, "easy", 8.2), run(3, "tempo", 10.1)));

    assertThat(statistics.completed()).isEqualTo(2);
  }

  @Test
  void aWorkoutBeforeTodayWithoutALinkedRunIsMissed() {
    PlanStatistics statistics = statistics(List.of(run(0, "easy", 8.2), run(2, null, 10.0)));

    assertThat(statistics.missed()).isEqualTo(1);
  }

  @Test
  void restDaysAndTodaysWorkoutAreNeverMissed() {
    PlanStatistics statistics = statistics(List.of(run(0, "easy", 8.0), run(2, "tempo", 10.0)));

    assertThat(statistics.missed()).isZero();
  }

  @Test
  void completionRateIsCompletedOverDue() {
    PlanStatistics statistics = statistics(List.of(run(0, "easy", 8.0)));

    assertThat(statistics.completionRate()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void completionRateIsZeroWhileNothingIsDue() {
    PlanStatistics statistics = PlanStatistics.of(calendar(List.of()), MONDAY);

    assertThat(statistics.anyDue()).isFalse();
    assertThat(statistics.completionRate()).isZero();
  }

  @Test
  void doneDistanceCountsUnplannedRunsToo() {
    PlanStatistics statistics = statistics(List.of(run(0, "easy", 8.5), run(1, null, 5.0)));

    assertThat(statistics.doneKm()).isEqualTo(13.5);
    assertThat(statistics.runs()).isEqualTo(2);
  }

  @Test
  void theLongestRunIsTheLongestRecorded() {
    PlanStatistics statistics = statistics(List.of(run(0, "easy", 8.5), run(1, null, 21.1), run(2, "tempo", 10.0)));

    assertThat(statistics.longestRunKm()).isEqualTo(21.1);
  }

  @Test
  void aWeekCountsOnlyItsOwnDays() {
    PlanCalendar calendar = calendar(List.of(run(0, "easy", 8.0), run(7, null, 30.0)));

    PlanStatistics week = PlanStatistics.of(calendar, MONDAY, MONDAY.plusDays(6), TODAY);

    assertThat(week.doneKm()).isEqualTo(8.0);
  }

  @Test
  void numbersThatAreNotFiniteCountAsZero() {
    PlanStatistics statistics = statistics(List.of(run(0, "easy", Double.NaN), run(1, null, Double.POSITIVE_INFINITY)));

    assertThat(statistics.doneKm()).isZero();
    assertThat(statistics.longestRunKm()).isZero();
  }

  private static PlanStatistics statistics(List<DoneRun> runs) {
    return PlanStatistics.of(calendar(runs), TODAY);
  }

  private static PlanCalendar calendar(List<DoneRun> runs) {
    PrintablePlan plan = new PrintablePlan("Week", null, MONDAY, MONDAY.plusDays(6), null, null,
        List.of(EASY, REST, TEMPO, TODAYS, LONG), runs);
    return PlanCalendar.of(plan, TODAY);
  }

  private static PlannedWorkout workout(String id, int day, String type, Double km, Double minutes) {
    return new PlannedWorkout(id, MONDAY.plusDays(day), type, id, null, km, minutes);
  }

  private static DoneRun run(int day, String workoutId, double km) {
    return new DoneRun(MONDAY.plusDays(day), workoutId, km, km * 6);
  }
}
