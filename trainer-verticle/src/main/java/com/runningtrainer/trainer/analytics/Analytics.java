package com.runningtrainer.trainer.analytics;

import static com.runningtrainer.trainer.share.Access.ownerOf;

import com.runningtrainer.common.api.DateRange;
import com.runningtrainer.trainer.athlete.Athletes;
import com.runningtrainer.trainer.plan.Plans;
import com.runningtrainer.trainer.share.Access;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Figures of an athlete's training, for them or a coach they share with: a summary of the runs
 * the caller sees, progress through a plan as of today, and progress toward their goals.
 */
public final class Analytics {

  private final AnalyticsRepository analytics;
  private final Plans plans;
  private final Access access;
  private final Athletes athletes;
  private final Clock clock;

  public Analytics(AnalyticsRepository analytics, Plans plans, Access access, Athletes athletes, Clock clock) {
    this.analytics = analytics;
    this.plans = plans;
    this.access = access;
    this.athletes = athletes;
    this.clock = clock;
  }

  /** @param athlete whose runs: a sharing athlete's, or the caller's when null */
  public Future<JsonObject> summary(UUID caller, UUID athlete, DateRange range) {
    return access.reader(caller, athlete)
        .compose(owner -> analytics.summary(caller, owner, range))
        .map(summary -> summary.put("from", text(range.from())).put("to", text(range.to())));
  }

  /**
   * Progress through the plan as of the owner's today, in weeks of theirs; 404 for a plan the
   * caller does not read.
   */
  public Future<JsonObject> planProgress(UUID caller, UUID planId) {
    return plans.find(caller, planId).compose(plan -> {
      UUID owner = ownerOf(plan);
      return athletes.of(caller, owner).compose(settings -> {
        LocalDate today = settings.today(clock);
        return analytics.progress(caller, owner, planId, settings.weekStart(), today)
            .map(progress -> progress.put("plan_id", planId.toString()).put("as_of", today.toString()));
      });
    });
  }

  /**
   * Progress toward the weekly and monthly goals of the athlete's settings, over the current and
   * past periods, with the weekly streaks.
   *
   * @param athlete whose goals: a sharing athlete's, or the caller's when null
   */
  public Future<JsonObject> goals(UUID caller, UUID athlete, GoalsQuery query) {
    return access.reader(caller, athlete).compose(owner -> athletes.of(caller, owner).compose(settings ->
        analytics.periods(caller, owner, settings.weekStart())
            .map(totals -> GoalReport.of(settings, settings.today(clock), totals, query)
                .put("athlete_id", owner.toString()))));
  }

  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
