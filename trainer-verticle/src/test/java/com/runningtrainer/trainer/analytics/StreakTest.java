package com.runningtrainer.trainer.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.trainer.analytics.Compliance.Done;
import com.runningtrainer.trainer.athlete.AthleteSettings.Goals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Weekly streaks and goal checks on weeks written out by hand: 'x' met, '.' not, the current week last. */
class StreakTest {

  private static final LocalDate CURRENT = LocalDate.of(2026, 3, 30);
  private static final Goals TEN_KM_TWICE = new Goals(BigDecimal.TEN, null, 2);

  @Test
  void theCurrentWeekMetJoinsTheCurrentStreak() {
    assertThat(streak("..xx.xxx")).isEqualTo(new Streak(3, 3));
  }

  @Test
  void theCurrentWeekNotYetMetLeavesTheStreakAsItWas() {
    assertThat(streak("xxx.xx.")).isEqualTo(new Streak(2, 3));
  }

  @Test
  void aWeekMissedBeforeTheCurrentOneEndsTheStreak() {
    assertThat(streak("xxxx..")).isEqualTo(new Streak(0, 4));
  }

  @Test
  void noWeekMetIsNoStreak() {
    assertThat(streak("...")).isEqualTo(new Streak(0, 0));
    assertThat(Streak.of(TEN_KM_TWICE, Map.of(), CURRENT)).isEqualTo(new Streak(0, 0));
  }

  @Test
  void aWeekMeetsItsGoalsOnlyWhenEveryGoalSetIsReached() {
    assertThat(GoalCheck.met(TEN_KM_TWICE, done(2, "10"))).isTrue();
    assertThat(GoalCheck.met(TEN_KM_TWICE, done(3, "9.99"))).isFalse();
    assertThat(GoalCheck.met(TEN_KM_TWICE, done(1, "25"))).isFalse();
  }

  @Test
  void progressIsDoneOverGoalToTwoDecimalsForEachGoalSet() {
    assertThat(GoalCheck.progress(TEN_KM_TWICE, done(1, "6.666")).encode())
        .isEqualTo("{\"distance_km\":{\"ratio\":0.67,\"met\":false},\"duration_minutes\":null,"
            + "\"runs\":{\"ratio\":0.5,\"met\":false}}");
  }

  /** Weeks met or not, oldest first, ending with the current one. */
  private static Streak streak(String weeks) {
    Map<LocalDate, Done> done = new HashMap<>();
    for (int i = 0; i < weeks.length(); i++) {
      LocalDate week = CURRENT.minusWeeks(weeks.length() - 1 - i);
      done.put(week, weeks.charAt(i) == 'x' ? done(2, "12") : done(1, "5"));
    }
    return Streak.of(TEN_KM_TWICE, done, CURRENT);
  }

  private static Done done(int runs, String km) {
    return new Done(runs, new BigDecimal(km), BigDecimal.valueOf(runs * 30L));
  }
}
