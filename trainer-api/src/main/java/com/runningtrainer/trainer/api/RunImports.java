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
 * Runs recorded elsewhere (Strava) entering a runner's training log: what the strava service asks
 * the trainer on the event bus at {@link #ADDRESS}. Failures are
 * {@link io.vertx.serviceproxy.ServiceException}s whose code is an HTTP status.
 */
@VertxGen
@ProxyGen
public interface RunImports {

  /** The event-bus address the trainer binds run imports at. */
  String ADDRESS = "trainer.run-imports";

  /** A proxy that sends to {@link #ADDRESS}; give {@code options} a short send timeout. */
  @GenIgnore
  static RunImports createProxy(Vertx vertx, DeliveryOptions options) {
    return new ServiceProxyBuilder(vertx).setAddress(ADDRESS).setOptions(options).build(RunImports.class);
  }

  /**
   * Records a run imported from Strava for its owner: {@code strava_activity_id} beside the
   * fields of a run ({@code actual_date}, {@code distance_km}, {@code duration_minutes}, ...).
   * Answers {@code {"outcome", "run"}}: {@code created} a Strava run; {@code linked} the owner's
   * hand-recorded run of the same date and distance (within 2 %) to the activity, keeping its
   * figures and workout; {@code already_imported}, the activity being a run of the owner's already
   * (idempotent: nothing else changes). A Strava run without {@code workout_id} is matched to the
   * owner's workout of its date that fits it best, unless its workout was set by hand.
   */
  Future<JsonObject> importRun(String ownerId, JsonObject run);

  /**
   * Takes away what one Strava activity made of the owner's log (Strava deleted it, or it is no
   * longer a run): the Strava run created from it is deleted; a hand-recorded run linked to it
   * stays, unlinked, with its figures and workout. Answers {@code {"removed": run id or null,
   * "unlinked": run id or null}}; idempotent (both null when nothing is left of the activity).
   */
  Future<JsonObject> removeImportedRun(String ownerId, long stravaActivityId);

  /**
   * Takes every Strava activity out of the owner's log (the athlete disconnected or deauthorized
   * Strava): every run imported from Strava is deleted, every hand-recorded run stays, unlinked.
   * Answers {@code {"removed": count, "unlinked": count}}; idempotent.
   */
  Future<JsonObject> purgeImportedRuns(String ownerId);
}
