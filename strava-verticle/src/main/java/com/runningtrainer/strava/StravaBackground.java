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
import com.runningtrainer.strava.neighbour.Trainer;
import com.runningtrainer.strava.oauth.StravaOAuth;
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
 * outlives a request, taken from the database so that it survives a restart — the webhook's
 * events (a worker that polls on a short timer and is woken at once when one is stored,
 * {@link WebhookEvents#RECEIVED}), the worked events forgotten after a while — and the push
 * subscription at Strava, ensured once at start.
 */
public final class StravaBackground extends BackgroundVerticle {

  private static final Duration SWEEP = Duration.ofHours(1);
  private static final Logger LOG = LoggerFactory.getLogger(StravaBackground.class);

  private final StravaSettings strava;
  private final WebhookSettings webhook;
  private RedisAPI redis;
  private StravaOAuth oauth;
  private StravaClient client;
  private WebhookWorker worker;
  private PushSubscriptions subscriptions;
  private long pollTimer = -1;
  private long sweepTimer = -1;

  public StravaBackground(Config config) {
    super(StravaVerticle.NAME, config);
    this.strava = StravaSettings.from(config);
    this.webhook = WebhookSettings.from(config);
  }

  @Override
  protected Future<?> begin(Pool pool) {
    // Reading (or making) the key file is blocking.
    return vertx.executeBlocking(() -> SecretSeal.from(config, StravaSettings.TOKEN_KEY, StravaSettings.TOKEN_KEY_FILE))
        .onSuccess(seal -> {
          ConnectionRepository connections = new ConnectionRepository(pool);
          WebhookEventRepository events = new WebhookEventRepository(pool);
          worker = new WebhookWorker(vertx, events, connections, importer(pool, connections, seal), webhook);
          consume(WebhookEvents.RECEIVED, received -> worker.pump());
          pollTimer = vertx.setPeriodic(webhook.poll().toMillis(), timer -> worker.pump());
          sweepTimer = vertx.setPeriodic(SWEEP.toMillis(), timer -> events.forget()
              .onFailure(failure -> LOG.warn("worked webhook events not forgotten: {}", failure.toString())));
          worker.pump();
          subscriptions = new PushSubscriptions(vertx, strava, webhook);
          subscriptions.ensureSoon();
        });
  }

  private ActivityImporter importer(Pool pool, ConnectionRepository connections, SecretSeal seal) {
    redis = RedisClients.create(vertx, settings.redisUrl());
    oauth = new StravaOAuth(vertx, strava);
    // Every call of the webhook's is interactive (a runner's activity, now): none spends the backfill's share.
    client = new StravaClient(vertx, strava, new RateBudget(redis, settings.redisPrefix(), 0, Clock.systemUTC()));
    return new ActivityImporter(vertx, new ActivityRepository(pool), new Trainer(vertx, strava.timeoutMs()),
        new StravaTokens(connections, oauth, seal, Clock.systemUTC()), client);
  }

  @Override
  protected Future<?> release() {
    vertx.cancelTimer(pollTimer);
    vertx.cancelTimer(sweepTimer);
    if (worker != null) {
      worker.stop();
    }
    if (subscriptions != null) {
      subscriptions.stop();
    }
    if (client != null) {
      client.close();
      oauth.close();
      redis.close();
    }
    return Future.succeededFuture();
  }
}
