package com.runningtrainer.trainer.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.trainer.analytics.Compliance.Done;
import com.runningtrainer.trainer.analytics.Compliance.Planned;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The compliance bands, at and around each edge. */
class ComplianceTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

  @ParameterizedTest(name = "{0} min done of 100 planned is {1}")
  @CsvSource({
      "100, green, 1.00", "80, green, 0.80", "120, green, 1.20", "79.6, green, 0.80", "120.4, green, 1.20",
      "79.4, yellow, 0.79", "50, yellow, 0.50", "121, yellow, 1.21", "150, yellow, 1.50",
      "49, red, 0.49", "151, red, 1.51", "10, red, 0.10", "400, red, 4.00"})
  void aDoneDurationIsBandedAgainstThePlannedOne(String doneMinutes, String status, String ratio) {
    Compliance compliance = Compliance.of(new Planned("tempo", TODAY.minusDays(1), new BigDecimal("12"), new BigDecimal("100")),
        new Done(1, new BigDecimal("3"), new BigDecimal(doneMinutes)), TODAY);

    assertThat(compliance.status().label()).isEqualTo(status);
    assertThat(compliance.ratio()).isEqualByComparingTo(ratio);
  }

  @ParameterizedTest(name = "{0} km done of 10 planned, no duration planned, is {1}")
  @CsvSource({"10, green", "7, yellow", "16, red"})
  void withoutAPlannedDurationTheDistanceIsCompared(String doneKm, String status) {
    Compliance compliance = Compliance.of(new Planned("easy_run", TODAY, new BigDecimal("10"), null),
        new Done(1, new BigDecimal(doneKm), new BigDecimal("999")), TODAY);

    assertThat(compliance.status().label()).isEqualTo(status);
  }

  @ParameterizedTest(name = "nothing done on {0} is {1}")
  @CsvSource({"2026-03-09, missed", "2026-03-10, upcoming", "2026-03-11, upcoming"})
  void nothingDoneIsMissedOnlyOnceTheDayHasPassed(LocalDate date, String status) {
    Compliance compliance = Compliance.of(new Planned("easy_run", date, BigDecimal.TEN, null), Done.NOTHING, TODAY);

    assertThat(compliance.status().label()).isEqualTo(status);
    assertThat(compliance.ratio()).isNull();
  }

  @ParameterizedTest(name = "a rest day with {0} runs is rest")
  @CsvSource({"0", "1"})
  void aRestDayIsRestWhateverHappened(int runs) {
    Compliance compliance = Compliance.of(new Planned("rest", TODAY.minusDays(3), null, null),
        new Done(runs, BigDecimal.ONE, BigDecimal.TEN), TODAY);

    assertThat(compliance.status().label()).isEqualTo("rest");
  }

  @ParameterizedTest(name = "done with nothing measurable planned is green")
  @CsvSource({"fartlek"})
  void aWorkoutDoneWithNothingMeasurablePlannedIsGreenWithoutARatio(String type) {
    Compliance compliance = Compliance.of(new Planned(type, TODAY, null, null), new Done(1, BigDecimal.ONE, BigDecimal.TEN), TODAY);

    assertThat(compliance.status().label()).isEqualTo("green");
    assertThat(compliance.ratio()).isNull();
  }
}
