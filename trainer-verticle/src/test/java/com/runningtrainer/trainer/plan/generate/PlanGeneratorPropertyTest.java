package com.runningtrainer.trainer.plan.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.trainer.athlete.AthleteSettings;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every plan the generator makes for a request it accepts passes its own checks: seeded, so that
 * a failure comes back the same on every run, over every goal, weeks to the race, runs a week,
 * volume and long run within what the goal takes, long-run day, first day of the week, start day,
 * race day and threshold pace (set or not).
 */
class PlanGeneratorPropertyTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

  /** Where the race and the plan fall in the calendar. */
  record Calendar(GoalDistance goal, double weeksAt, int raceDay, int startDay, DayOfWeek weekStart) {
  }

  /** The runner: how often, how much, and on which day the long run. */
  record Runner(int runsPerWeek, double weeklyAt, double longRunAt, DayOfWeek longRunDay, BigDecimal thresholdPace) {
  }

  @Property(tries = 600, seed = "20261130")
  void everyGeneratedPlanPassesItsOwnChecks(@ForAll("calendars") Calendar calendar, @ForAll("runners") Runner runner) {
    AthleteSettings settings = settings(calendar.weekStart(), runner.thresholdPace());
    PlanRequest request = request(calendar, runner);

    GeneratedPlan plan = new PlanGenerator().generate(request, settings, TODAY);

    assertThat(PlanChecks.violations(plan, request, calendar.weekStart())).as("%s", request).isEmpty();
  }

  @Provide
  Arbitrary<Calendar> calendars() {
    return Combinators.combine(Arbitraries.of(GoalDistance.class), Arbitraries.doubles().between(0, 1),
        Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 13),
        Arbitraries.of(DayOfWeek.MONDAY, DayOfWeek.SUNDAY)).as(Calendar::new);
  }

  @Provide
  Arbitrary<Runner> runners() {
    return Combinators.combine(Arbitraries.integers().between(3, 6), Arbitraries.doubles().between(0, 1),
        Arbitraries.doubles().between(0, 1), Arbitraries.of(DayOfWeek.class),
        Arbitraries.bigDecimals().between(new BigDecimal("3"), new BigDecimal("8")).ofScale(2).injectNull(0.3))
        .as(Runner::new);
  }

  /** The request the case describes, its volumes and weeks within what the goal takes. */
  private static PlanRequest request(Calendar calendar, Runner runner) {
    GoalDistance goal = calendar.goal();
    LocalDate start = TODAY.plusDays(calendar.startDay());
    LocalDate weekOfStart = start.with(TemporalAdjusters.previousOrSame(calendar.weekStart()));
    LocalDate firstWeek = weekOfStart.equals(start) ? start : weekOfStart.plusWeeks(1);
    int weeks = between(goal.minWeeks(), PlanGenerator.MAX_WEEKS, calendar.weeksAt());
    LocalDate raceDate = firstWeek.plusWeeks(weeks - 1L).plusDays(calendar.raceDay());
    int runs = runner.runsPerWeek();
    int weekly = between(PlanGenerator.leastWeeklyTenths(goal, runs), PlanGenerator.mostWeeklyTenths(goal, runs),
        runner.weeklyAt());
    int longRun = between(goal.minLongRunTenths(), weekly, runner.longRunAt());
    return new PlanRequest(goal, raceDate, runs, BigDecimal.valueOf(weekly, 1), BigDecimal.valueOf(longRun, 1),
        runner.longRunDay(), start, null);
  }

  private static int between(int least, int most, double at) {
    return least + (int) Math.round((most - least) * at);
  }

  private static AthleteSettings settings(DayOfWeek weekStart, BigDecimal thresholdPace) {
    AthleteSettings defaults = AthleteSettings.DEFAULTS;
    return new AthleteSettings(thresholdPace, null, null, defaults.weekly(), defaults.monthly(), defaults.timezone(),
        weekStart, defaults.distanceUnit());
  }
}
