package com.runningtrainer.trainer.api;

import io.vertx.codegen.annotations.GenIgnore;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceProxyBuilder;

/**
 * A plan as printed: what the pdf service asks the trainer on the event bus at {@link #ADDRESS},
 * for one caller and with exactly the access the caller has to the trainer's own GET of the plan,
 * its workouts and its runs. Failures are {@link io.vertx.serviceproxy.ServiceException}s whose
 * code is an HTTP status (404 for a plan the caller cannot see).
 */
@VertxGen
@ProxyGen
public interface PlanPrints {

  /** The event-bus address the trainer binds plan prints at. */
  String ADDRESS = "trainer.plan-prints";

  /** A proxy that sends to {@link #ADDRESS}; give {@code options} a short send timeout. */
  @GenIgnore
  static PlanPrints createProxy(Vertx vertx, DeliveryOptions options) {
    return new ServiceProxyBuilder(vertx).setAddress(ADDRESS).setOptions(options).build(PlanPrints.class);
  }

  /**
   * The plan with everything a printout shows, as the caller sees it:
   * {@code {plan: {...}, athlete_name?, workouts: [...], runs: [...]}}, each in the JSON of the
   * trainer's contract; workouts in date order, runs the plan's owner recorded between its start
   * and end dates (a coach sees Strava runs only when the athlete opted in), in date order.
   *
   * @param athleteId whose plan the caller (a coach) means to print; null for any plan the caller
   *     sees. A plan of someone else is 404.
   */
  Future<JsonObject> printablePlan(String callerId, String planId, String athleteId);
}
