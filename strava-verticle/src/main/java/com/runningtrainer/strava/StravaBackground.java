package com.runningtrainer.strava;

import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.service.BackgroundVerticle;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/**
 * What the strava service does once per process rather than once per event loop: the work that
 * outlives a request (imports, webhook events), taken from the database so that it survives a
 * restart.
 */
public final class StravaBackground extends BackgroundVerticle {

  public StravaBackground(Config config) {
    super(StravaVerticle.NAME, config);
  }

  @Override
  protected Future<?> begin(Pool pool) {
    return Future.succeededFuture();
  }
}
