package com.runningtrainer.trainer.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Daniels–Gilbert formulas against the vector and Daniels' published figures. */
class VdotTest {

  @Test
  void fiveKilometresInTwentySevenMinutesIsVdot34Point96() {
    assertThat(Math.round(Vdot.of(5_000, 27) * 100) / 100.0).isEqualTo(34.96);
  }

  @Test
  void theOxygenCostAndSustainedFractionAreThoseOfThePublishedFormulas() {
    // v = 200 m/min: −4.60 + 0.182258·200 + 0.000104·200² = 36.0116
    assertThat(Vdot.oxygenCost(200)).isCloseTo(36.0116, within(1e-9));
    // t = 0 sums the three terms: 0.8 + 0.1894393 + 0.2989558
    assertThat(Vdot.sustainedFraction(0)).isCloseTo(1.2883951, within(1e-9));
    assertThat(Vdot.sustainedFraction(100_000)).isCloseTo(0.8, within(1e-9));
  }

  /** Daniels' Running Formula, VDOT 50: 5 km 19:57, 10 km 41:21, half 1:31:35, marathon 3:10:49. */
  @ParameterizedTest(name = "VDOT 50 runs {0} m in about {1} min")
  @CsvSource({"5000, 19.95", "10000, 41.35", "21097.5, 91.58", "42195, 190.82"})
  void aVdotPredictsDanielsPublishedRaceTimes(double metres, double minutes) {
    assertThat(Vdot.raceMinutes(50, metres)).isCloseTo(minutes, within(minutes * 0.005));
  }

  @ParameterizedTest(name = "the time predicted for {1} m at VDOT {0} has that VDOT")
  @CsvSource({"34.96, 5000", "30, 42195", "50, 1609.344", "72.5, 21097.5"})
  void aPredictedTimeGivesBackItsVdot(double vdot, double metres) {
    assertThat(Vdot.of(metres, Vdot.raceMinutes(vdot, metres))).isCloseTo(vdot, within(1e-6));
  }

  @Test
  void theSpeedAtAnOxygenCostInvertsTheCost() {
    assertThat(Vdot.oxygenCost(Vdot.speedAt(42.5))).isCloseTo(42.5, within(1e-9));
  }

  /** Daniels' threshold pace for VDOT 50 is 4:15 per km: 88 % of VO2max. */
  @Test
  void thresholdPaceOfVdot50IsFourFifteenPerKilometre() {
    assertThat(TrainingPaces.thresholdPace(50) * 60).isCloseTo(255, within(1.0));
  }
}
