package com.runningtrainer.strava;

import com.runningtrainer.common.api.ApiHandler;
import com.runningtrainer.common.auth.Revocations;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.crypto.SecretSeal;
import com.runningtrainer.common.service.Served;
import com.runningtrainer.common.service.ServiceDescriptor;
import com.runningtrainer.common.service.ServiceVerticle;
import com.runningtrainer.strava.connect.ConnectStates;
import com.runningtrainer.strava.connect.ConnectionRepository;
import com.runningtrainer.strava.connect.StravaTokens;
import com.runningtrainer.strava.api.RateBudget;
import com.runningtrainer.strava.api.StravaClient;
import com.runningtrainer.strava.imports.ActivityImporter;
import com.runningtrainer.strava.imports.ActivityRepository;
import com.runningtrainer.strava.neighbour.Trainer;
import com.runningtrainer.strava.oauth.StravaOAuth;
import com.runningtrainer.strava.webhook.WebhookApi;
import com.runningtrainer.strava.webhook.WebhookEventRepository;
import com.runningtrainer.strava.webhook.WebhookSettings;
import com.runningtrainer.strava.push.WorkoutPush;
import com.runningtrainer.strava.sync.SyncJobRepository;
import com.runningtrainer.strava.sync.SyncSettings;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The strava service on 8003: a user's connection to Strava (connect, stay connected,
 * disconnect), their sync jobs and imported activities, workouts written to Strava, and
 * Strava's webhook. One instance per event loop serves its contract; {@link StravaBackground}
 * does the rest once per process.
 */
public final class StravaVerticle extends ServiceVerticle {

  public static final String NAME = "strava";
  public static final int DEFAULT_PORT = 8003;

  /** How the launcher and the tests run the strava service. */
  public static final ServiceDescriptor DESCRIPTOR =
      ServiceDescriptor.withBackground(NAME, DEFAULT_PORT, StravaVerticle::new, StravaBackground::new);

  private StravaOAuth strava;
  private StravaClient api;

  public StravaVerticle(Config config) {
    super(NAME, DEFAULT_PORT, config);
  }

  @Override
  protected Future<Served> build(Pool pool, Revocations revocations) {
    StravaSettings settings = StravaSettings.from(config);
    // Reading (or making) the key file is blocking.
    return vertx.executeBlocking(() -> SecretSeal.from(config, StravaSettings.TOKEN_KEY, StravaSettings.TOKEN_KEY_FILE))
        .map(seal -> {
          strava = new StravaOAuth(vertx, settings);
          SyncSettings sync = SyncSettings.from(config);
          api = new StravaClient(vertx, settings, new RateBudget(redis(), this.settings.redisPrefix(), sync.backfillShare(),
              Clock.systemUTC()));
          ConnectionRepository connections = new ConnectionRepository(pool);
          StravaTokens tokens = new StravaTokens(connections, strava, seal, Clock.systemUTC());
          ActivityRepository activities = new ActivityRepository(pool);
          Trainer trainer = new Trainer(vertx, sync.callTimeoutMs());
          ActivityImporter importer = new ActivityImporter(vertx, activities, trainer, tokens, api);
          StravaService service = new StravaServiceImpl(vertx, settings,
              new ConnectStates(redis(), this.settings.redisPrefix()), connections, strava, tokens, importer, activities,
              new SyncJobRepository(pool), new WorkoutPush(connections, tokens, api, trainer, importer));
          Map<String, ApiHandler> operations = new HashMap<>(new StravaApi(service).operations());
          operations.putAll(new WebhookApi(vertx, WebhookSettings.from(config), new WebhookEventRepository(pool)).operations());
          return Served.usingAuthJwks(operations);
        });
  }

  @Override
  protected Future<?> release() {
    if (strava != null) {
      strava.close();
      api.close();
    }
    return Future.succeededFuture();
  }
}
