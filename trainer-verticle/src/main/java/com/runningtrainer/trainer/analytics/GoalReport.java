package com.runningtrainer.trainer.analytics;

import com.runningtrainer.trainer.analytics.Compliance.Done;
import com.runningtrainer.trainer.athlete.AthleteSettings;
import com.runningtrainer.trainer.athlete.AthleteSettings.Goals;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Progress toward the weekly and monthly goals, the current period first, in the athlete's weeks
 * and calendar months. Goals not set are said to be so ({@code goals} null) rather than measured:
 * the periods still say what was done.
 */
final class GoalReport {

  private GoalReport() {
  }

  static JsonObject of(AthleteSettings settings, LocalDate today, PeriodTotals totals, GoalsQuery query) {
    LocalDate week = settings.weekOf(today);
    JsonObject weekly = section(settings.weekly(), totals.weeks(), week, query.weeks(), ChronoUnit.WEEKS);
    weekly.put("streak", settings.weekly().any() ? Streak.of(settings.weekly(), totals.weeks(), week).toJson() : null);
    return new JsonObject()
        .put("as_of", today.toString())
        .put("timezone", settings.timezone().getId())
        .put("week_start", settings.weekStartName())
        .put("weekly", weekly)
        .put("monthly", section(settings.monthly(), totals.months(), today.withDayOfMonth(1), query.months(),
            ChronoUnit.MONTHS));
  }

  private static JsonObject section(Goals goals, Map<LocalDate, Done> done, LocalDate current, int past,
      ChronoUnit unit) {
    JsonArray periods = new JsonArray();
    for (int back = 0; back <= past; back++) {
      LocalDate start = current.minus(back, unit);
      periods.add(period(goals, done.getOrDefault(start, Done.NOTHING), start, start.plus(1, unit).minusDays(1))
          .put("current", back == 0));
    }
    return new JsonObject().put("goals", goals.any() ? targets(goals) : null).put("periods", periods);
  }

  private static JsonObject period(Goals goals, Done done, LocalDate start, LocalDate end) {
    boolean measured = goals.any();
    return new JsonObject()
        .put("start", start.toString())
        .put("end", end.toString())
        .put("done", new JsonObject().put("distance_km", number(done.distanceKm()))
            .put("duration_minutes", number(done.durationMinutes())).put("runs", done.runs()))
        .put("progress", measured ? GoalCheck.progress(goals, done) : null)
        .put("met", measured ? GoalCheck.met(goals, done) : null);
  }

  private static JsonObject targets(Goals goals) {
    return new JsonObject()
        .put("distance_km", goals.distanceKm() == null ? null : number(goals.distanceKm()))
        .put("duration_minutes", goals.durationMinutes() == null ? null : number(goals.durationMinutes()))
        .put("runs", goals.runs());
  }

  private static double number(BigDecimal value) {
    return value.stripTrailingZeros().doubleValue();
  }
}
