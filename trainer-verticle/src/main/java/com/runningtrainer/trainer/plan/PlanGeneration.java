package com.runningtrainer.trainer.plan;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.trainer.analytics.Fitness;
import com.runningtrainer.trainer.athlete.AthleteSettings;
import com.runningtrainer.trainer.athlete.Athletes;
import com.runningtrainer.trainer.plan.generate.GeneratedPlan;
import com.runningtrainer.trainer.plan.generate.PlanChecks;
import com.runningtrainer.trainer.plan.generate.PlanGenerator;
import com.runningtrainer.trainer.plan.generate.PlanRequest;
import com.runningtrainer.trainer.run.Matches;
import com.runningtrainer.trainer.share.Access;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Plans made by the {@link PlanGenerator} for an athlete, by them or a read-write coach, with the
 * athlete's settings (first day of the week, today where they are, and the threshold pace: theirs,
 * else the one their predictions give from a recent effort), and written
 * with their workouts in one transaction.
 */
public final class PlanGeneration {

  private final PlanRepository plans;
  private final Athletes athletes;
  private final Fitness fitness;
  private final Access access;
  private final Clock clock;
  private final Matches matches;
  private final PlanGenerator generator = new PlanGenerator();

  public PlanGeneration(PlanRepository plans, Athletes athletes, Fitness fitness, Access access, Clock clock,
      Matches matches) {
    this.plans = plans;
    this.athletes = athletes;
    this.fitness = fitness;
    this.access = access;
    this.clock = clock;
    this.matches = matches;
  }

  /** @param athlete whose plan it is: a read-write sharing athlete's, or the caller's when null */
  public Future<JsonObject> generate(UUID caller, UUID athlete, PlanRequest request) {
    return access.writer(caller, athlete).compose(owner -> athletes.of(caller, owner)
        .compose(settings -> withPaces(caller, owner, settings)).compose(settings -> {
      GeneratedPlan plan = checked(generator.generate(request, settings, settings.today(clock)), request, settings);
      return plans.insertGenerated(caller, owner, plan)
          .map(created -> Failures.orNotFound(created, "athlete")
              .put("workouts_created", plan.workouts().size()).put("weeks", plan.weeksJson()))
          .compose(matches::withinPlan);
    }));
  }

  /** The settings, with the threshold pace of the predictions when the athlete set none and one is known. */
  private Future<AthleteSettings> withPaces(UUID caller, UUID owner, AthleteSettings settings) {
    if (settings.thresholdPace() != null) {
      return Future.succeededFuture(settings);
    }
    return fitness.thresholdPace(caller, owner, settings)
        .map(pace -> pace == null ? settings : settings.withThresholdPace(BigDecimal.valueOf(pace)));
  }

  // The property test proves every plan passes; this keeps a plan that would not from being written.
  private static GeneratedPlan checked(GeneratedPlan plan, PlanRequest request, AthleteSettings settings) {
    List<String> broken = PlanChecks.violations(plan, request, settings.weekStart());
    if (!broken.isEmpty()) {
      throw new IllegalStateException("a generated plan breaks its checks: " + broken);
    }
    return plan;
  }
}
