package com.runningtrainer.strava;

import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.crypto.SecretSeal;
import com.runningtrainer.common.redis.RedisClients;
import com.runningtrainer.common.service.BackgroundVerticle;
import com.runningtrainer.strava.api.RateBudget;
import com.runningtrainer.strava.api.StravaClient;
import com.runningtrainer.strava.connect.ConnectionRepository;
import com.runningtrainer.strava.connect.StravaTokens;
import com.runningtrainer.strava.imports.ActivityImporter;
import com.runningtrainer.strava.imports.ActivityRepository;
import com.runningtrainer.strava.imports.DisconnectedSweep;
import com.runningtrainer.strava.neighbour.Trainer;
import com.runningtrainer.strava.oauth.StravaOAuth;
import com.runningtrainer.strava.sync.SyncJobRepository;
import com.runningtrainer.strava.sync.SyncSettings;
import com.runningtrainer.strava.sync.SyncWorker;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * What the strava service does once per process rather than once per event loop: the work that
 * outlives a request, taken from the database so that it survives a restart. Sync jobs: a
 * worker that polls on a timer ({@code STRAVA_SYNC_POLL_MS}, which also finds the jobs whose wait
 * for Strava's rate limit is over) and is woken at once when a job is queued
 * ({@link StravaEvents#SYNC_QUEUED}); and a sweep ({@code STRAVA_PURGE_SWEEP_SECONDS}) that purges
 * what is left of disconnected athletes' activities.
 */
public final class StravaBackground extends BackgroundVerticle {

  private final Clock clock;
  private RedisAPI redis;
  private StravaOAuth oauth;
  private StravaClient strava;
  private SyncWorker worker;
  private long pollTimer = -1;
  private long sweepTimer = -1;

  public StravaBackground(Config config) {
    this(config, Clock.systemUTC());
  }

  /** @param clock the time that decides Strava's rate-limit windows (a test's own, so that it need not wait them out) */
  public StravaBackground(Config config, Clock clock) {
    super(StravaVerticle.NAME, config);
    this.clock = clock;
  }

  @Override
  protected Future<?> begin(Pool pool) {
    StravaSettings settings = StravaSettings.from(config);
    SyncSettings sync = SyncSettings.from(config);
    // Reading (or making) the key file is blocking.
    return vertx.executeBlocking(() -> SecretSeal.from(config, StravaSettings.TOKEN_KEY, StravaSettings.TOKEN_KEY_FILE))
        .onSuccess(seal -> {
          redis = RedisClients.create(vertx, this.settings.redisUrl());
          oauth = new StravaOAuth(vertx, settings);
          strava = new StravaClient(vertx, settings, new RateBudget(redis, this.settings.redisPrefix(), sync.backfillShare(), clock));
          ConnectionRepository connections = new ConnectionRepository(pool);
          StravaTokens tokens = new StravaTokens(connections, oauth, seal, Clock.systemUTC());
          ActivityRepository activities = new ActivityRepository(pool);
          ActivityImporter importer = new ActivityImporter(vertx, activities, new Trainer(vertx, sync.callTimeoutMs()),
              tokens, strava);
          worker = new SyncWorker(vertx, new SyncJobRepository(pool), activities, connections, tokens, strava, importer,
              sync, clock);
          DisconnectedSweep sweep = new DisconnectedSweep(activities, importer);
          consume(StravaEvents.SYNC_QUEUED, queued -> worker.pump());
          pollTimer = vertx.setPeriodic(sync.poll().toMillis(), timer -> worker.pump());
          sweepTimer = vertx.setPeriodic(sync.sweep().toMillis(), timer -> sweep.sweep());
          worker.pump();
        });
  }

  @Override
  protected Future<?> release() {
    vertx.cancelTimer(pollTimer);
    vertx.cancelTimer(sweepTimer);
    if (worker != null) {
      worker.stop();
    }
    if (strava != null) {
      strava.close();
      oauth.close();
      redis.close();
    }
    return Future.succeededFuture();
  }
}
