package com.runningtrainer.trainer.analytics;

import static com.runningtrainer.trainer.share.Access.ownerOf;

import com.runningtrainer.common.api.DateRange;
import com.runningtrainer.trainer.plan.Plans;
import com.runningtrainer.trainer.share.Access;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Figures of an athlete's training, for them or a coach they share with: a summary of the runs
 * the caller sees, and progress through a plan as of today.
 */
public final class Analytics {

  private final AnalyticsRepository analytics;
  private final Plans plans;
  private final Access access;
  private final Clock clock;

  public Analytics(AnalyticsRepository analytics, Plans plans, Access access, Clock clock) {
    this.analytics = analytics;
    this.plans = plans;
    this.access = access;
    this.clock = clock;
  }

  /** @param athlete whose runs: a sharing athlete's, or the caller's when null */
  public Future<JsonObject> summary(UUID caller, UUID athlete, DateRange range) {
    return access.reader(caller, athlete)
        .compose(owner -> analytics.summary(caller, owner, range))
        .map(summary -> summary.put("from", text(range.from())).put("to", text(range.to())));
  }

  /** Progress through the plan as of today in the clock's zone; 404 for a plan the caller does not read. */
  public Future<JsonObject> planProgress(UUID caller, UUID planId) {
    LocalDate today = LocalDate.now(clock);
    return plans.find(caller, planId)
        .compose(plan -> analytics.progress(caller, ownerOf(plan), planId, today))
        .map(progress -> progress.put("plan_id", planId.toString()).put("as_of", today.toString()));
  }

  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
