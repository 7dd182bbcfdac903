package com.runningtrainer.strava;

import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.service.BackgroundVerticle;
import com.runningtrainer.strava.webhook.PushSubscriptions;
import com.runningtrainer.strava.webhook.WebhookSettings;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/**
 * What the strava service does once per process rather than once per event loop: the work that
 * outlives a request (imports, webhook events), taken from the database so that it survives a
 * restart, and the push subscription at Strava, ensured once at start.
 */
public final class StravaBackground extends BackgroundVerticle {

  private PushSubscriptions subscriptions;

  public StravaBackground(Config config) {
    super(StravaVerticle.NAME, config);
  }

  @Override
  protected Future<?> begin(Pool pool) {
    subscriptions = new PushSubscriptions(vertx, StravaSettings.from(config), WebhookSettings.from(config));
    subscriptions.ensureSoon();
    return Future.succeededFuture();
  }

  @Override
  protected Future<?> release() {
    if (subscriptions != null) {
      subscriptions.stop();
    }
    return Future.succeededFuture();
  }
}
