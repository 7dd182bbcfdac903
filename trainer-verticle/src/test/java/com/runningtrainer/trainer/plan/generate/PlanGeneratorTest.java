package com.runningtrainer.trainer.plan.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.runningtrainer.trainer.athlete.AthleteSettings;
import com.runningtrainer.trainer.plan.generate.PlanGenerator.TrainingWeek;
import io.vertx.serviceproxy.ServiceException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator's rules on worked examples: volumes, days, paces, defaults, and what it refuses. */
class PlanGeneratorTest {

  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

  private final PlanGenerator generator = new PlanGenerator();

  @Test
  void volumesGrowByTenPercentWithACutBackEveryFourthWeekThenTaper() {
    List<Integer> volumes = PlanGenerator.trainingWeeks(GoalDistance.TEN_K, 4, 200, 9).stream()
        .map(TrainingWeek::tenths).toList();

    assertThat(volumes).containsExactly(200, 220, 242, 193, 266, 292, 321, 256, 224);
  }

  @Test
  void volumesHoldAtTheGoalsPeakOnceReached() {
    List<TrainingWeek> weeks = PlanGenerator.trainingWeeks(GoalDistance.FIVE_K, 4, 380, 8);

    assertThat(weeks).extracting(TrainingWeek::tenths).containsExactly(380, 400, 400, 320, 400, 400, 400, 280);
    assertThat(weeks).extracting(TrainingWeek::phase)
        .containsExactly("base", "base", "base", "build", "build", "peak", "peak", "taper");
  }

  @Test
  void volumesStopAtWhatTheRunsAWeekHoldWhenBelowTheGoalsPeak() {
    List<Integer> volumes = PlanGenerator.trainingWeeks(GoalDistance.MARATHON, 3, 540, 6).stream()
        .map(TrainingWeek::tenths).toList();

    assertThat(volumes).containsExactly(540, 594, 600, 480, 450, 360);
  }

  @Test
  void aWeekHasItsLongRunOnTheDayAskedQualityThreeDaysLaterAndEasyRunsBetween() {
    GeneratedPlan plan = generator.generate(fiveK(LocalDate.of(2026, 12, 7)), settings(DayOfWeek.MONDAY, null), MONDAY);

    assertThat(plan.workouts().subList(0, 3)).extracting(w -> w.date() + " " + w.type() + " " + w.distanceKm())
        .containsExactly("2026-12-09 hill_repeats 5.0", "2026-12-11 easy_run 8.4", "2026-12-13 long_run 6.6");
    assertThat(plan.workouts().subList(plan.workouts().size() - 2, plan.workouts().size()))
        .extracting(w -> w.date() + " " + w.type() + " " + w.distanceKm())
        .containsExactly("2027-01-15 easy_run 3.6", "2027-01-17 race 5");
    assertThat(plan.weeks()).extracting(w -> w.weekStart() + " " + w.phase() + " " + w.distanceKm())
        .containsExactly("2026-12-07 base 20.0", "2026-12-14 base 22.0", "2026-12-21 build 24.2",
            "2026-12-28 peak 19.3", "2027-01-04 taper 16.9", "2027-01-11 race 3.6");
    assertThat(plan.startDate()).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(plan.name()).isEqualTo("5 km on 2027-01-17");
  }

  @Test
  void withoutAStartDateThePlanStartsOnTheAthletesNextWeek() {
    PlanRequest request = fiveK(null);

    assertThat(generator.generate(request, settings(DayOfWeek.MONDAY, null), MONDAY).startDate())
        .isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(generator.generate(request, settings(DayOfWeek.SUNDAY, null), MONDAY).startDate())
        .isEqualTo(LocalDate.of(2026, 12, 6));
  }

  @Test
  void pacesComeFromTheThresholdPaceWhenSet() {
    PlanRequest request = fiveK(LocalDate.of(2026, 12, 7));

    GeneratedPlan plan = generator.generate(request, settings(DayOfWeek.MONDAY, new BigDecimal("5.00")), MONDAY);

    assertThat(plan.workouts().get(1).description()).isEqualTo("8.4 km at 6:00–6:30/km.");
    assertThat(plan.workouts().stream().filter(w -> w.type().equals("tempo")).findFirst().orElseThrow().description())
        .contains("at threshold pace (5:00/km)");
  }

  @Test
  void aRaceTooSoonIsRefusedNamingTheEarliestDate() {
    PlanRequest request = new PlanRequest(GoalDistance.MARATHON, LocalDate.of(2027, 1, 17), 4, new BigDecimal("40"),
        new BigDecimal("15"), DayOfWeek.SUNDAY, LocalDate.of(2026, 12, 7), null);

    assertThatThrownBy(() -> generator.generate(request, settings(DayOfWeek.MONDAY, null), MONDAY))
        .isInstanceOf(ServiceException.class).hasMessageContaining("race_date is too soon")
        .hasMessageContaining("on or after 2027-03-08");
  }

  @Test
  void aVolumeTooLowOrTooHighForTheGoalIsRefusedSayingWhatIsNeeded() {
    assertThatThrownBy(() -> generator.generate(withVolumes("12", "6"), settings(DayOfWeek.MONDAY, null), MONDAY))
        .hasMessage("current_weekly_km must be at least 16 km for a 5 km plan of 4 runs a week: build up to it first,"
            + " or plan fewer runs a week");
    assertThatThrownBy(() -> generator.generate(withVolumes("90", "6"), settings(DayOfWeek.MONDAY, null), MONDAY))
        .hasMessage("current_weekly_km must be at most 56 km for a 5 km plan of 4 runs a week: plan more runs a week");
    assertThatThrownBy(() -> generator.generate(withVolumes("20", "21"), settings(DayOfWeek.MONDAY, null), MONDAY))
        .hasMessage("current_long_run_km must not be more than current_weekly_km");
  }

  private static PlanRequest fiveK(LocalDate start) {
    return new PlanRequest(GoalDistance.FIVE_K, LocalDate.of(2027, 1, 17), 3, new BigDecimal("20"), new BigDecimal("6"),
        DayOfWeek.SUNDAY, start, null);
  }

  private static PlanRequest withVolumes(String weekly, String longRun) {
    return new PlanRequest(GoalDistance.FIVE_K, LocalDate.of(2027, 1, 17), 4, new BigDecimal(weekly),
        new BigDecimal(longRun), DayOfWeek.SUNDAY, LocalDate.of(2026, 12, 7), null);
  }

  private static AthleteSettings settings(DayOfWeek weekStart, BigDecimal thresholdPace) {
    AthleteSettings defaults = AthleteSettings.DEFAULTS;
    return new AthleteSettings(thresholdPace, null, null, defaults.weekly(), defaults.monthly(), defaults.timezone(),
        weekStart, defaults.distanceUnit());
  }
}
