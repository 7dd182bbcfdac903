package com.runningtrainer.trainer.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Riegel's T2 = T1 · (D2/D1)^1.06. */
class RiegelTest {

  @Test
  void tenKilometresInFortyMinutesPredictsAMarathonOfThreeHoursFour() {
    // 40 · 4.2195^1.06 = 184.008
    assertThat(Riegel.minutes(40, 10_000, 42_195)).isCloseTo(184.008, within(0.001));
  }

  @Test
  void theSameDistanceKeepsItsTime() {
    assertThat(Riegel.minutes(27, 5_000, 5_000)).isEqualTo(27.0);
  }

  @Test
  void doublingTheDistanceMultipliesTheTimeByTwoToThe1Point06() {
    assertThat(Riegel.minutes(20, 5_000, 10_000)).isCloseTo(20 * 2.0849315, within(1e-6));
  }
}
