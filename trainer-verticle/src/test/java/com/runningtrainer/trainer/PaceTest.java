package com.runningtrainer.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.trainer.run.Pace;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PaceTest {

  @Test
  void isMinutesPerKilometre() {
    assertThat(Pace.of(new BigDecimal("10"), new BigDecimal("50"))).isEqualByComparingTo("5");
  }

  @Test
  void isRoundedHalfUpToAThousandthOfAMinute() {
    // 200 / 36.1 = 5.54016...; 42.195 km in 180 min = 4.26591...
    assertThat(Pace.of(new BigDecimal("36.1"), new BigDecimal("200"))).isEqualByComparingTo("5.540");
    assertThat(Pace.of(new BigDecimal("42.195"), new BigDecimal("180"))).isEqualByComparingTo("4.266");
  }

  @Test
  void isUnknownWithoutADistance() {
    assertThat(Pace.of(BigDecimal.ZERO, new BigDecimal("30"))).isNull();
    assertThat(Pace.of(null, new BigDecimal("30"))).isNull();
  }
}
