package com.runningtrainer.trainer.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.runningtrainer.trainer.analytics.TrainingLoad.Daily;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** rTSS, the two exponentially weighted averages, form, the acute:chronic ratio and the flags, by hand. */
class TrainingLoadTest {

  private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
  private static final double THRESHOLD = 5.0;

  /** Days with runs: date → {km, minutes} of one run that day. */
  private static Daily daily(Map<LocalDate, double[]> runs) {
    Map<LocalDate, double[]> sorted = new TreeMap<>(runs);
    int size = sorted.size();
    long[] days = new long[size];
    double[] strain = new double[size];
    double[] km = new double[size];
    int i = 0;
    for (Map.Entry<LocalDate, double[]> run : sorted.entrySet()) {
      days[i] = run.getKey().toEpochDay();
      strain[i] = run.getValue()[0] * run.getValue()[0] / run.getValue()[1];
      km[i] = run.getValue()[0];
      i++;
    }
    return new Daily(days, strain, km, size);
  }

  /** An hour at threshold pace: 12 km in 60 min at a threshold of 5:00 per km, rTSS 100. */
  private static double[] thresholdHour() {
    return new double[] {12, 60};
  }

  private static JsonObject day(JsonArray rows, LocalDate date) {
    return rows.stream().map(JsonObject.class::cast).filter(r -> r.getString("date").equals(date.toString()))
        .findFirst().orElseThrow();
  }

  @Test
  void anHourAtThresholdPaceIsOneHundred() {
    assertThat(TrainingLoad.load(12, 60, THRESHOLD)).isCloseTo(100, within(1e-9));
  }

  @Test
  void halfAnHourAtTenPercentFasterThanThresholdScoresHalfAnHourTimesIntensitySquared() {
    // pace 4.5 min/km: IF = 5 / 4.5; 0.5 h · IF² · 100 = 61.73
    assertThat(TrainingLoad.load(30 / 4.5, 30, THRESHOLD)).isCloseTo(0.5 * (5 / 4.5) * (5 / 4.5) * 100, within(1e-9));
  }

  @Test
  void aRunMovesFitnessByOneFortySecondAndFatigueByOneSeventhOfItsLoad() {
    JsonArray rows = TrainingLoad.series(daily(Map.of(MONDAY, thresholdHour())), THRESHOLD, MONDAY, MONDAY.plusDays(1),
        DayOfWeek.MONDAY);

    JsonObject monday = rows.getJsonObject(0);
    assertThat(monday.getDouble("load")).isEqualTo(100.0);
    assertThat(monday.getDouble("ctl")).isEqualTo(2.4); // 100 / 42 = 2.38
    assertThat(monday.getDouble("atl")).isEqualTo(14.3); // 100 / 7 = 14.29
    assertThat(monday.getDouble("tsb")).isEqualTo(0.0);
    JsonObject tuesday = rows.getJsonObject(1);
    assertThat(tuesday.getDouble("load")).isEqualTo(0.0);
    assertThat(tuesday.getDouble("tsb")).isEqualTo(-11.9); // yesterday's 2.381 − 14.286
    assertThat(tuesday.getDouble("ctl")).isEqualTo(2.3); // 2.381 · 41/42 = 2.324
  }

  @Test
  void theAveragesAreSeededFromTheFirstRunNotFromTheWindow() {
    Map<LocalDate, double[]> runs = new TreeMap<>();
    for (int i = 0; i < 100; i++) {
      runs.put(MONDAY.plusDays(i), thresholdHour());
    }
    LocalDate late = MONDAY.plusDays(99);

    JsonObject row = TrainingLoad.series(daily(runs), THRESHOLD, late, late, DayOfWeek.MONDAY).getJsonObject(0);

    // 100 days of 100: ctl = 100 · (1 − (41/42)^100) = 91.0, atl = 100 · (1 − (6/7)^100) = 100.0
    assertThat(row.getDouble("ctl")).isCloseTo(100 * (1 - Math.pow(41.0 / 42, 100)), within(0.05));
    assertThat(row.getDouble("atl")).isEqualTo(100.0);
  }

  @Test
  void daysWithoutRunsAreRowsToo() {
    JsonArray rows = TrainingLoad.series(daily(Map.of(MONDAY, thresholdHour())), THRESHOLD, MONDAY.minusDays(3),
        MONDAY.plusDays(3), DayOfWeek.MONDAY);

    assertThat(rows).hasSize(7);
    assertThat(rows.getJsonObject(0).getDouble("ctl")).isEqualTo(0.0);
    assertThat(rows.getJsonObject(0).getValue("acwr")).isNull();
  }

  @Test
  void theRatioIsOneUnderASteadyLoadAndFlaggedAboveOnePointFive() {
    Map<LocalDate, double[]> runs = new TreeMap<>();
    for (int i = 0; i < 28; i++) {
      runs.put(MONDAY.plusDays(i), new double[] {6, 30}); // 50 a day
    }
    LocalDate spike = MONDAY.plusDays(28);
    runs.put(spike, new double[] {36, 180}); // 300

    JsonArray rows = TrainingLoad.series(daily(runs), THRESHOLD, spike.minusDays(1), spike, DayOfWeek.MONDAY);

    assertThat(rows.getJsonObject(0).getDouble("acwr")).isEqualTo(1.0);
    assertThat(rows.getJsonObject(0).getJsonArray("flags")).isEmpty();
    // 7 days: 6 · 50 + 300 = 600 → 85.71 a day; 28 days: 27 · 50 + 300 = 1650 → 58.93 a day
    assertThat(rows.getJsonObject(1).getDouble("acwr")).isEqualTo(1.45);
    runs.put(spike, new double[] {42, 210}); // 350: 650 / 7 ÷ 1700 / 28 = 1.53
    JsonObject higher = TrainingLoad.series(daily(runs), THRESHOLD, spike, spike, DayOfWeek.MONDAY).getJsonObject(0);
    assertThat(higher.getDouble("acwr")).isEqualTo(1.53);
    assertThat(higher.getJsonArray("flags")).containsExactly("acwr_high");
  }

  @Test
  void theRatioIsNullOnceTwentyEightDaysPassWithoutLoad() {
    JsonArray rows = TrainingLoad.series(daily(Map.of(MONDAY, thresholdHour())), THRESHOLD, MONDAY.plusDays(27),
        MONDAY.plusDays(28), DayOfWeek.MONDAY);

    assertThat(rows.getJsonObject(0).getDouble("acwr")).isEqualTo(0.0);
    assertThat(rows.getJsonObject(1).getValue("acwr")).isNull();
  }

  /**
   * 20 km in the week of Monday 2 March, then 10 km on Monday 9th and 16 km on Sunday 15th. (So
   * sparse a training is also {@code acwr_high}, which these tests leave aside.)
   */
  private static Daily twoWeeks() {
    return daily(Map.of(MONDAY, new double[] {20, 100}, MONDAY.plusDays(7), new double[] {10, 50},
        MONDAY.plusDays(13), new double[] {16, 80}));
  }

  @Test
  void aWeekThatPassesThePreviousOneByMoreThanThirtyPercentIsFlaggedFromThatDay() {
    JsonArray rows = TrainingLoad.series(twoWeeks(), THRESHOLD, MONDAY, MONDAY.plusDays(13), DayOfWeek.MONDAY);

    // Monday weeks: 20 km, then 26 km = +30 %, not more.
    assertThat(day(rows, MONDAY.plusDays(13)).getJsonArray("flags")).doesNotContain("distance_jump");
    JsonArray more = TrainingLoad.series(daily(Map.of(MONDAY, new double[] {20, 100}, MONDAY.plusDays(7),
        new double[] {10, 50}, MONDAY.plusDays(13), new double[] {16.1, 80})), THRESHOLD, MONDAY, MONDAY.plusDays(13),
        DayOfWeek.MONDAY);
    assertThat(day(more, MONDAY.plusDays(12)).getJsonArray("flags")).doesNotContain("distance_jump");
    assertThat(day(more, MONDAY.plusDays(13)).getJsonArray("flags")).contains("distance_jump");
  }

  @Test
  void weeksBeginOnTheAthletesFirstDayOfTheWeek() {
    // Sunday weeks: 1 March to 7th holds 20 km; 8th to 14th holds 10 km; 15th starts a week of 16 km: +60 %.
    JsonArray rows = TrainingLoad.series(twoWeeks(), THRESHOLD, MONDAY, MONDAY.plusDays(13), DayOfWeek.SUNDAY);

    assertThat(day(rows, MONDAY.plusDays(13)).getJsonArray("flags")).contains("distance_jump");
  }

  @Test
  void aWeekAfterAWeekOfNothingIsNotAJump() {
    JsonArray rows = TrainingLoad.series(daily(Map.of(MONDAY, new double[] {5, 25}, MONDAY.plusDays(14),
        new double[] {30, 150})), THRESHOLD, MONDAY.plusDays(14), MONDAY.plusDays(14), DayOfWeek.MONDAY);

    assertThat(rows.getJsonObject(0).getJsonArray("flags")).doesNotContain("distance_jump");
  }

  @Test
  void withoutAThresholdPaceThereIsDistanceButNoLoad() {
    JsonObject row = TrainingLoad.series(daily(Map.of(MONDAY, thresholdHour())), null, MONDAY, MONDAY,
        DayOfWeek.MONDAY).getJsonObject(0);

    assertThat(row.getDouble("distance_km")).isEqualTo(12.0);
    assertThat(row.getValue("load")).isNull();
    assertThat(row.getValue("ctl")).isNull();
    assertThat(row.getValue("tsb")).isNull();
    assertThat(row.getValue("acwr")).isNull();
  }
}
