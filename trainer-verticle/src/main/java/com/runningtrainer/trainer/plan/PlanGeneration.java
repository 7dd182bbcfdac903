package com.runningtrainer.trainer.plan;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.trainer.athlete.AthleteSettings;
import com.runningtrainer.trainer.athlete.Athletes;
import com.runningtrainer.trainer.plan.generate.GeneratedPlan;
import com.runningtrainer.trainer.plan.generate.PlanChecks;
import com.runningtrainer.trainer.plan.generate.PlanGenerator;
import com.runningtrainer.trainer.plan.generate.PlanRequest;
import com.runningtrainer.trainer.share.Access;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Plans made by the {@link PlanGenerator} for an athlete, by them or a read-write coach, with the
 * athlete's settings (first day of the week, threshold pace, today where they are), and written
 * with their workouts in one transaction.
 */
public final class PlanGeneration {

  private final PlanRepository plans;
  private final Athletes athletes;
  private final Access access;
  private final Clock clock;
  private final PlanGenerator generator = new PlanGenerator();

  public PlanGeneration(PlanRepository plans, Athletes athletes, Access access, Clock clock) {
    this.plans = plans;
    this.athletes = athletes;
    this.access = access;
    this.clock = clock;
  }

  /** @param athlete whose plan it is: a read-write sharing athlete's, or the caller's when null */
  public Future<JsonObject> generate(UUID caller, UUID athlete, PlanRequest request) {
    return access.writer(caller, athlete).compose(owner -> athletes.of(caller, owner).compose(settings -> {
      GeneratedPlan plan = checked(generator.generate(request, settings, settings.today(clock)), request, settings);
      return plans.insertGenerated(caller, owner, plan)
          .map(created -> Failures.orNotFound(created, "athlete")
              .put("workouts_created", plan.workouts().size()).put("weeks", plan.weeksJson()));
    }));
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
