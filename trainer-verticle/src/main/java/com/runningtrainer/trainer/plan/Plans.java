package com.runningtrainer.trainer.plan;

import static com.runningtrainer.trainer.share.Access.orExplain;
import static com.runningtrainer.trainer.share.Access.ownerOf;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Page;
import com.runningtrainer.trainer.run.Matches;
import com.runningtrainer.trainer.share.Access;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * Training plans: an athlete's own, written also by a coach they share with read-write, and
 * deleted by the athlete alone. The repository decides in SQL what a caller reaches; when a
 * guarded write changes nothing, a second look says why.
 */
public final class Plans {

  private final PlanRepository plans;
  private final Access access;
  private final Matches matches;

  public Plans(PlanRepository plans, Access access, Matches matches) {
    this.plans = plans;
    this.access = access;
    this.matches = matches;
  }

  /** @param athlete whose plan it is: a read-write sharing athlete's, or the caller's when null */
  public Future<JsonObject> create(UUID caller, UUID athlete, PlanFields plan) {
    return access.writer(caller, athlete)
        .compose(owner -> plans.insert(caller, owner, plan))
        .map(created -> Failures.orNotFound(created, "athlete"));
  }

  public Future<JsonObject> page(UUID caller, UUID athlete, Page page) {
    return access.reader(caller, athlete).compose(owner -> plans.page(caller, owner, page));
  }

  /** The plan, when the caller reads it; 404 otherwise. */
  public Future<JsonObject> find(UUID caller, UUID id) {
    return plans.find(caller, id).map(plan -> Failures.orNotFound(plan, "plan"));
  }

  public Future<JsonObject> update(UUID caller, UUID id, PlanFields plan) {
    return orExplain(plans.update(caller, id, plan), () -> whyNotUpdated(caller, id));
  }

  /** Deletes the plan; its runs stay, each matched to a workout of another plan of its day when one fits. */
  public Future<Void> delete(UUID caller, UUID id) {
    return plans.delete(caller, id).compose(deleted -> deleted == null ? whyNotDeleted(caller, id)
        : matches.withinPlan(deleted).mapEmpty());
  }

  private <T> Future<T> whyNotUpdated(UUID caller, UUID id) {
    return find(caller, id)
        .compose(plan -> access.refuseWhenReadOnly(caller, ownerOf(plan)))
        .compose(writable -> Future.failedFuture(workoutsOutsideDates()));
  }

  private Future<Void> whyNotDeleted(UUID caller, UUID id) {
    return find(caller, id).compose(plan -> Future.failedFuture(onlyTheAthleteDeletes()));
  }

  private static RuntimeException workoutsOutsideDates() {
    return Failures.unprocessable("start_date", "and end_date must still contain every workout of the plan");
  }

  private static RuntimeException onlyTheAthleteDeletes() {
    return Failures.forbidden("only the athlete deletes their plan");
  }
}
