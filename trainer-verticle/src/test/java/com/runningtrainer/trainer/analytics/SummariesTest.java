package com.runningtrainer.trainer.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummariesTest {

  @Test
  void completionRateIsCompletedOverDue() {
    assertThat(Summaries.completionRate(2, 1)).isEqualTo(0.6667);
    assertThat(Summaries.completionRate(3, 0)).isEqualTo(1.0);
    assertThat(Summaries.completionRate(0, 4)).isEqualTo(0.0);
  }

  @Test
  void completionRateIsZeroWhileNothingIsDue() {
    assertThat(Summaries.completionRate(0, 0)).isEqualTo(0.0);
  }
}
