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
import com.runningtrainer.strava.webhook.AthleteAtStrava;
import com.runningtrainer.strava.webhook.PushSubscriptions;
import com.runningtrainer.strava.webhook.WebhookEventRepository;
import com.runningtrainer.strava.webhook.WebhookEvents;
import com.runningtrainer.strava.webhook.WebhookSettings;
import com.runningtrainer.strava.webhook.WebhookWorker;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the strava service does once per process rather than once per event loop: the work that
 * outlives a request, taken from the database so that it survives a restart. Sync jobs: a
 * worker that polls on a timer ({@code STRAVA_SYNC_POLL_MS}, which also finds the jobs whose wait
 * for Strava's rate limit is over) and is woken at once when a job is queued
 * ({@link StravaEvents#SYNC_QUEUED}); and a sweep ({@code STRAVA_PURGE_SWEEP_SECONDS}) that purges
 * what is left of disconnected athletes' activities. The webhook's events: a worker that polls on
 * a short timer ({@code STRAVA_WEBHOOK_POLL_MS}) and is woken at once when one is stored
 * ({@link WebhookEvents#RECEIVED}); worked events are forgotten after a while. And the push
 * subscription at Strava, ensured once at start.
 */
public final class StravaBackground extends BackgroundVerticle {

  private static final Duration FORGET = Duration.ofHours(1);
  private static final Logger LOG = LoggerFactory.getLogger(StravaBackground.class);

  private final Clock clock;
  private RedisAPI redis;
  private StravaOAuth oauth;
  private StravaClient strava;
  private SyncWorker worker;
  private WebhookWorker webhookWorker;
  private PushSubscriptions subscriptions;
  private long pollTimer = -1;
  private long webhookPollTimer = -1;
  private long forgetTimer = -1;
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
    WebhookSettings webhook = WebhookSettings.from(config);
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
          workWebhookEvents(pool, connections, importer, new AthleteAtStrava(tokens, strava), webhook);
          subscriptions = new PushSubscriptions(vertx, settings, webhook);
          subscriptions.ensureSoon();
        });
  }

  private void workWebhookEvents(Pool pool, ConnectionRepository connections, ActivityImporter importer,
      AthleteAtStrava athletes, WebhookSettings webhook) {
    WebhookEventRepository events = new WebhookEventRepository(pool);
    webhookWorker = new WebhookWorker(vertx, events, connections, importer, athletes, webhook);
    consume(WebhookEvents.RECEIVED, received -> webhookWorker.pump());
    webhookPollTimer = vertx.setPeriodic(webhook.poll().toMillis(), timer -> webhookWorker.pump());
    forgetTimer = vertx.setPeriodic(FORGET.toMillis(), timer -> events.forget()
        .onFailure(failure -> LOG.warn("worked webhook events not forgotten: {}", failure.toString())));
    webhookWorker.pump();
  }

  @Override
  protected Future<?> release() {
    vertx.cancelTimer(pollTimer);
    vertx.cancelTimer(webhookPollTimer);
    vertx.cancelTimer(forgetTimer);
    vertx.cancelTimer(sweepTimer);
    if (worker != null) {
      worker.stop();
      webhookWorker.stop();
    }
    if (subscriptions != null) {
      subscriptions.stop();
    }
    if (strava != null) {
      strava.close();
      oauth.close();
      redis.close();
    }
    return Future.succeededFuture();
  }
}
