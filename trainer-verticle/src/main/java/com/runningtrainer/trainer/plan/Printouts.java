package com.runningtrainer.trainer.plan;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.trainer.run.RunRepository;
import com.runningtrainer.trainer.share.Access;
import com.runningtrainer.trainer.share.Identities;
import com.runningtrainer.trainer.workout.WorkoutRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A plan as the pdf service prints it for a caller: the plan, its workouts and the owner's runs
 * within its dates, each read through the same caller-scoped SQL as the trainer's own GETs, so a
 * printout shows exactly what the caller could read (a coach: what the athlete shares, Strava
 * runs only when opted in). A plan the caller cannot read, or not of the athlete named, is 404.
 */
public final class Printouts {

  private final PlanRepository plans;
  private final WorkoutRepository workouts;
  private final RunRepository runs;
  private final Identities identities;

  public Printouts(PlanRepository plans, WorkoutRepository workouts, RunRepository runs, Identities identities) {
    this.plans = plans;
    this.workouts = workouts;
    this.runs = runs;
    this.identities = identities;
  }

  /** @param athlete whose plan the caller means to print; null for any plan the caller reads */
  public Future<JsonObject> printable(UUID caller, UUID planId, UUID athlete) {
    return plans.find(caller, planId).compose(plan -> {
      if (plan == null || athlete != null && !athlete.equals(Access.ownerOf(plan))) {
        return Future.failedFuture(Failures.notFound("plan"));
      }
      UUID owner = Access.ownerOf(plan);
      LocalDate start = LocalDate.parse(plan.getString("start_date"));
      LocalDate end = LocalDate.parse(plan.getString("end_date"));
      return Future.all(workouts.ofPlan(caller, planId), runs.between(caller, owner, start, end), athleteName(caller, owner))
          .map(all -> {
            JsonObject printable = new JsonObject().put("plan", plan).put("workouts", all.resultAt(0))
                .put("runs", all.resultAt(1));
            String name = all.resultAt(2);
            if (name != null) {
              printable.put("athlete_name", name);
            }
            return printable;
          });
    });
  }

  /**
   * The athlete's name as auth knows it, for a coach's printout; none for the caller's own plan,
   * and none when auth cannot say now: a printout does not wait for auth.
   */
  private Future<String> athleteName(UUID caller, UUID owner) {
    if (owner.equals(caller)) {
      return Future.succeededFuture();
    }
    return identities.contact(owner).map(contact -> contact.getString("display_name")).otherwiseEmpty();
  }
}
