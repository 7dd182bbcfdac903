package com.runningtrainer.trainer.analytics;

import com.runningtrainer.trainer.analytics.Compliance.Done;
import com.runningtrainer.trainer.athlete.AthleteSettings.Goals;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.Map;

/**
 * Runs of consecutive weeks that met the weekly goals. The current week joins the current streak
 * once it meets them; until then it does not break it, since it is not over.
 *
 * @param current the weeks met in a row up to the current one (or the last one, while the current is not met)
 * @param longest the most weeks met in a row, from the first week with a run to the current one
 */
record Streak(int current, int longest) {

  /** @param weeks what was done per week, by the week's first day; weeks without runs may be absent */
  static Streak of(Goals goals, Map<LocalDate, Done> weeks, LocalDate currentWeek) {
    return new Streak(current(goals, weeks, currentWeek), longest(goals, weeks, currentWeek));
  }

  private static int current(Goals goals, Map<LocalDate, Done> weeks, LocalDate currentWeek) {
    LocalDate week = met(goals, weeks, currentWeek) ? currentWeek : currentWeek.minusWeeks(1);
    int streak = 0;
    // Every goal is above zero, so a week without runs is never met and the walk ends.
    while (met(goals, weeks, week)) {
      streak++;
      week = week.minusWeeks(1);
    }
    return streak;
  }

  private static int longest(Goals goals, Map<LocalDate, Done> weeks, LocalDate currentWeek) {
    LocalDate first = weeks.keySet().stream().min(LocalDate::compareTo).orElse(currentWeek);
    int longest = 0;
    int streak = 0;
    for (LocalDate week = first; !week.isAfter(currentWeek); week = week.plusWeeks(1)) {
      streak = met(goals, weeks, week) ? streak + 1 : 0;
      longest = Math.max(longest, streak);
    }
    return longest;
  }

  private static boolean met(Goals goals, Map<LocalDate, Done> weeks, LocalDate week) {
    return GoalCheck.met(goals, weeks.getOrDefault(week, Done.NOTHING));
  }

  JsonObject toJson() {
    return new JsonObject().put("current", current).put("longest", longest);
  }
}
