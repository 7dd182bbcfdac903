package com.runningtrainer.trainer.plan;

import static com.runningtrainer.trainer.share.Access.orExplain;
import static com.runningtrainer.trainer.share.Access.ownerOf;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.trainer.run.Matches;
import com.runningtrainer.trainer.share.Access;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * Copying a plan to new dates and shifting its workouts: the athlete's, or a read-write coach's
 * for them; the copy is the athlete's too. A plan the caller cannot read is 404, one they only
 * read 403.
 */
public final class PlanTools {

  private final PlanRepository plans;
  private final Access access;
  private final Matches matches;

  public PlanTools(PlanRepository plans, Access access, Matches matches) {
    this.plans = plans;
    this.access = access;
    this.matches = matches;
  }

  /** The copy, every workout moved by the copy's offset. */
  public Future<JsonObject> copy(UUID caller, UUID id, PlanCopy copy) {
    return writable(caller, id).compose(plan -> {
      long offset = copy.offset(plan);
      copy.requireWithinDiary(plan, offset);
      return plans.copy(caller, id, offset, copy.nameFor(plan));
    }).map(copied -> Failures.orNotFound(copied, "plan")).compose(matches::withinPlan);
  }

  /** The plan as shifted, with how many workouts moved and how many done ones stayed. */
  public Future<JsonObject> shift(UUID caller, UUID id, PlanShift shift) {
    return orExplain(plans.shift(caller, id, shift), () -> writable(caller, id)
        .compose(plan -> Future.failedFuture(Failures.notFound("plan"))))
        .compose(matches::withinPlan);
  }

  /** The plan, when the caller may change it: 404 when they cannot read it, 403 when they only read it. */
  private Future<JsonObject> writable(UUID caller, UUID id) {
    return plans.find(caller, id).map(plan -> Failures.orNotFound(plan, "plan"))
        .compose(plan -> access.refuseWhenReadOnly(caller, ownerOf(plan)).map(plan));
  }
}
