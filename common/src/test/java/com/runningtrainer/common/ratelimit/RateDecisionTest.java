package com.runningtrainer.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decisions of one hit, and which one binds when a request is held to several limits. */
class RateDecisionTest {

  private static final RateLimit FIVE = new RateLimit("five", 5, Duration.ofSeconds(90));

  @Test
  void aHitWithinTheLimitIsAllowedWithWhatIsLeft() {
    RateDecision decision = RateDecision.counted(FIVE, 2, 30_000);

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.remaining()).isEqualTo(3);
    assertThat(decision.resetSeconds()).isEqualTo(30);
  }

  @Test
  void theLastHitOfTheLimitIsStillAllowed() {
    assertThat(RateDecision.counted(FIVE, 5, 1_000).allowed()).isTrue();
    assertThat(RateDecision.counted(FIVE, 6, 1_000).allowed()).isFalse();
  }

  @Test
  void theSecondsToResetAreRoundedUpToAtLeastOne() {
    assertThat(RateDecision.counted(FIVE, 6, 1_001).resetSeconds()).isEqualTo(2);
    assertThat(RateDecision.counted(FIVE, 6, 1).resetSeconds()).isEqualTo(1);
  }

  @Test
  void anUncountedHitIsAllowedAsTheFirstOfAWindow() {
    RateDecision decision = RateDecision.uncounted(FIVE);

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.counted()).isFalse();
    assertThat(decision.remaining()).isEqualTo(4);
    assertThat(decision.resetSeconds()).isEqualTo(90);
  }

  @Test
  void theStrictestOfSeveralRefusalsIsTheOneThatLastsLongest() {
    RateDecision soon = new RateDecision(false, 0, 10, true);
    RateDecision late = new RateDecision(false, 0, 600, true);
    RateDecision allowed = new RateDecision(true, 4, 900, true);

    assertThat(RateDecision.strictest(List.of(soon, allowed, late))).isEqualTo(late);
  }

  @Test
  void theStrictestOfAllowedHitsIsTheOneWithFewestLeft() {
    RateDecision many = new RateDecision(true, 40, 900, true);
    RateDecision few = new RateDecision(true, 2, 900, true);

    assertThat(RateDecision.strictest(List.of(many, few))).isEqualTo(few);
  }

  @Test
  void aLimitMustAllowAtLeastOneHitInAWindowOfAtLeastAMillisecond() {
    assertThatThrownBy(() -> new RateLimit("none", 0, Duration.ofMinutes(1))).hasMessageContaining("none");
    assertThatThrownBy(() -> new RateLimit("instant", 1, Duration.ZERO)).hasMessageContaining("instant");
  }
}
