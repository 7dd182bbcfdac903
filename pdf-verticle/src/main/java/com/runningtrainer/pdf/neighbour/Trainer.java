package com.runningtrainer.pdf.neighbour;

import com.runningtrainer.common.breaker.Away;
import com.runningtrainer.common.breaker.Neighbour;
import com.runningtrainer.trainer.api.PlanPrints;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;

/**
 * The plans the pdf service prints, asked of the trainer through its {@link PlanPrints} proxy as
 * the caller, each call bounded by a short send timeout and behind one circuit breaker
 * ({@code pdf-trainer}). While the trainer cannot be reached calls fail at once with a 503
 * {@link ServiceException} (a job then tries again later); the trainer's own 4xx answers (a plan
 * the caller cannot see) pass through and never count against the breaker.
 */
public final class Trainer {

  private final PlanPrints prints;
  private final Neighbour trainer;

  public Trainer(Vertx vertx, long timeoutMs) {
    this.prints = PlanPrints.createProxy(vertx, new DeliveryOptions().setSendTimeout(timeoutMs));
    this.trainer = Neighbour.of(vertx, "pdf-trainer", "trainer", timeoutMs, Away::isAway);
  }

  /** {@code {plan, athlete_name?, workouts, runs}} as the caller sees them. */
  public Future<JsonObject> printablePlan(String callerId, String planId, String athleteId) {
    return trainer.call(() -> prints.printablePlan(callerId, planId, athleteId));
  }
}
