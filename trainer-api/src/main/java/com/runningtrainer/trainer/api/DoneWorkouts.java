package com.runningtrainer.trainer.api;

import io.vertx.codegen.annotations.GenIgnore;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import io.vertx.serviceproxy.ServiceProxyBuilder;

/**
 * A runner's workout with the run that did it: what the strava service asks the trainer on the
 * event bus at {@link #ADDRESS} to write a workout to Strava. Failures are
 * {@link ServiceException}s whose code is an HTTP status.
 */
@VertxGen
@ProxyGen
public interface DoneWorkouts {

  /** The event-bus address the trainer binds done workouts at. */
  String ADDRESS = "trainer.done-workouts";

  /** A proxy that sends to {@link #ADDRESS}; give {@code options} a short send timeout. */
  @GenIgnore
  static DoneWorkouts createProxy(Vertx vertx, DeliveryOptions options) {
    return new ServiceProxyBuilder(vertx).setAddress(ADDRESS).setOptions(options).build(DoneWorkouts.class);
  }

  /**
   * The owner's own workout (with its {@code compliance}, whose status {@code upcoming} says its
   * day has not passed with nothing done) and the run linked to it, one with a Strava activity
   * first: {@code {"workout": {...}, "run": {...} or null}}. 404 when the workout is not the
   * owner's (a coach's access to it does not count), 400 for an id that is not a UUID.
   */
  Future<JsonObject> doneWorkout(String ownerId, String workoutId);
}
