package com.runningtrainer.trainer.analytics;

import com.runningtrainer.trainer.analytics.Compliance.Done;
import com.runningtrainer.trainer.analytics.Compliance.Planned;
import com.runningtrainer.trainer.athlete.AthleteSettings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Progress through a plan as of the athlete's today, overall and per week of theirs (starting on
 * their first day of the week), each workout judged by {@link Compliance}.
 */
final class PlanProgress {

  private final AthleteSettings settings;
  private final LocalDate today;
  private final PlanTally overall = new PlanTally();
  private final Map<LocalDate, PlanTally> weeks = new TreeMap<>();

  PlanProgress(AthleteSettings settings, LocalDate today) {
    this.settings = settings;
    this.today = today;
  }

  void workout(Planned planned, Done done) {
    Compliance compliance = Compliance.of(planned, done, today);
    overall.workout(planned, done, compliance);
    week(planned.date()).workout(planned, done, compliance);
  }

  /** Runs of one day linked to no workout. */
  void unplanned(LocalDate day, Done runs) {
    overall.unplanned(runs);
    week(day).unplanned(runs);
  }

  JsonObject toJson() {
    JsonArray weekly = new JsonArray();
    weeks.forEach((start, tally) -> weekly.add(tally.toJson().put("week_start", start.toString())));
    return overall.toJson().put("weekly", weekly);
  }

  private PlanTally week(LocalDate day) {
    return weeks.computeIfAbsent(settings.weekOf(day), start -> new PlanTally());
  }
}
