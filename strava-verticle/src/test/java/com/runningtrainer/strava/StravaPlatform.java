package com.runningtrainer.strava;

import com.runningtrainer.common.VertxFactory;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.common.crypto.SecretSeal;
import com.runningtrainer.common.redis.RedisClients;
import com.runningtrainer.common.service.ServiceDeployer;
import com.runningtrainer.common.service.ServiceDeployer.Deployed;
import com.runningtrainer.common.service.ServiceDescriptor;
import com.runningtrainer.trainer.TrainerVerticle;
import com.runningtrainer.strava.connect.ConnectionRepository;
import com.runningtrainer.strava.connect.StravaTokens;
import com.runningtrainer.strava.oauth.StravaOAuth;
import com.runningtrainer.testsupport.FakeAuth;
import com.runningtrainer.testsupport.FakeAuth.Person;
import com.runningtrainer.testsupport.FakeStrava;
import com.runningtrainer.testsupport.FakeStrava.Athlete;
import com.runningtrainer.testsupport.FakeStrava.Delivery;
import com.runningtrainer.testsupport.TestConfig;
import com.runningtrainer.testsupport.TestDatabase;
import com.runningtrainer.testsupport.TestHttp;
import com.runningtrainer.testsupport.TestPorts;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The real strava service on one Vert.x, over a database and Redis prefix of the test class's
 * own and a data directory of its own (where it makes its token key), reached over HTTP as a
 * client would, beside the real trainer (where imported runs are created), a fake auth (people,
 * tokens) and a fake Strava on a local port. Its background verticle runs on a clock the test
 * moves ({@link #clock}), so that a wait for Strava's next quarter hour takes no time; it can be
 * killed and started again ({@link #killBackground}, {@link #startBackground}).
 */
final class StravaPlatform implements AutoCloseable {

  static final String REDIRECT_URL = "http://localhost:8000/api/v1/strava/callback";
  static final String WEBHOOK = "/api/v1/strava/webhook";
  static final String VERIFY_TOKEN = "the webhook's verify token";
  /**
   * Tries of a webhook event, 1 s apart and doubling: given up after about 3 s, and after fewer
   * failures than open a breaker (5), so that a test's outage does not spill into the next test.
   */
  static final int WEBHOOK_MAX_ATTEMPTS = 3;

  final Vertx vertx;
  final Config config;
  final String databaseUrl;
  final Path dataDir;
  final TestHttp strava;
  final FakeAuth auth;
  final FakeStrava fake;
  final Pool sql;
  final RedisAPI redis;
  final TestHttp trainer;
  final TestClock clock;
  private final WebClient browser;
  private String background;
  private Deployed trainerService;

  private StravaPlatform(Vertx vertx, Config config, String databaseUrl, Path dataDir, TestHttp strava, FakeAuth auth,
      FakeStrava fake, Pool sql, RedisAPI redis, TestHttp trainer, TestClock clock, String background) {
    this.vertx = vertx;
    this.config = config;
    this.databaseUrl = databaseUrl;
    this.dataDir = dataDir;
    this.strava = strava;
    this.auth = auth;
    this.fake = fake;
    this.sql = sql;
    this.redis = redis;
    this.trainer = trainer;
    this.clock = clock;
    this.background = background;
    this.browser = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
  }

  static StravaPlatform start(Class<?> testClass) {
    return start(testClass, Map.of());
  }

  /** @param overrides settings beside the fixture's, e.g. a larger database pool */
  static StravaPlatform start(Class<?> testClass, Map<String, String> overrides) {
    Config base = TestConfig.create(testClass).with(overrides);
    String databaseUrl = TestConfig.databaseUrl(base);
    Vertx vertx = VertxFactory.create();
    try {
      Path dataDir = Files.createTempDirectory("strava-" + testClass.getSimpleName());
      FakeAuth auth = FakeAuth.start(vertx, Settings.from(base));
      FakeStrava fake = FakeStrava.start();
      int port = TestPorts.free();
      int trainerPort = TestPorts.free();
      Config config = base.with(Map.of(
          "AUTH_JWKS_URL", auth.jwksUrl(),
          "STRAVA_PORT", String.valueOf(port),
          "STRAVA_INSTANCES", "2",
          "STRAVA_BASE_URL", fake.baseUrl(),
          "STRAVA_API_URL", fake.apiUrl(),
          "STRAVA_CLIENT_ID", FakeStrava.CLIENT_ID,
          "STRAVA_CLIENT_SECRET", FakeStrava.CLIENT_SECRET,
          "STRAVA_REDIRECT_URL", REDIRECT_URL,
          "RT_DATA_DIR", dataDir.toString()))
          .with(Map.of(
              "TRAINER_PORT", String.valueOf(trainerPort),
              "STRAVA_SYNC_POLL_MS", "100",
              "STRAVA_SYNC_LEASE_SECONDS", "2",
              "STRAVA_SYNC_RETRY_SECONDS", "1",
              "STRAVA_WEBHOOK_VERIFY_TOKEN", VERIFY_TOKEN,
              "STRAVA_WEBHOOK_CALLBACK_URL", "http://127.0.0.1:" + port + WEBHOOK,
              "STRAVA_WEBHOOK_POLL_MS", "100",
              "STRAVA_WEBHOOK_RETRY_DELAY_MS", "1000",
              "STRAVA_WEBHOOK_MAX_ATTEMPTS", String.valueOf(WEBHOOK_MAX_ATTEMPTS),
              "STRAVA_PURGE_SWEEP_SECONDS", "1"));
      Deployed trainerService = ServiceDeployer.deploy(vertx, config, TrainerVerticle.DESCRIPTOR).await();
      // The background verticle apart, on the test's clock, so that a test can kill it.
      ServiceDeployer.deploy(vertx, config, ServiceDescriptor.withoutBackground(StravaVerticle.NAME,
          StravaVerticle.DEFAULT_PORT, StravaVerticle::new)).await();
      TestClock clock = new TestClock();
      String background = vertx.deployVerticle(new StravaBackground(config, clock)).await();
      PgConnectOptions connect = PgConnectOptions.fromUri(databaseUrl);
      connect.addProperty("search_path", "strava");
      Pool sql = PgBuilder.pool().connectingTo(connect).using(vertx).build();
      RedisAPI redis = RedisClients.create(vertx, Settings.from(config).redisUrl());
      StravaPlatform platform = new StravaPlatform(vertx, config, databaseUrl, dataDir, new TestHttp(vertx, port), auth,
          fake, sql, redis, new TestHttp(vertx, trainerPort), clock, background);
      platform.trainerService = trainerService;
      return platform;
    } catch (IOException e) {
      vertx.close().await();
      TestDatabase.drop(databaseUrl);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      vertx.close().await();
      TestDatabase.drop(databaseUrl);
      throw e;
    }
  }

  Person person() {
    return auth.person();
  }

  /** {@code GET /strava/auth} as a web client: the authorization URL. */
  String authorizeUrl(Person caller) {
    var response = strava.request(HttpMethod.GET, "/api/v1/strava/auth", caller.token())
        .putHeader("Accept", "application/json").send().await();
    if (response.statusCode() != 200) {
      throw new AssertionError("auth answered " + response.statusCode() + ": " + response.bodyAsString());
    }
    return response.bodyAsJsonObject().getString("authorize_url");
  }

  /** The athlete consents at the fake Strava: the query Strava sends the browser back with. */
  Map<String, String> consent(String authorizeUrl, Athlete athlete) {
    fake.signsIn(athlete);
    var response = browser.getAbs(authorizeUrl).send().await();
    if (response.statusCode() != 302) {
      throw new AssertionError("Strava's authorize answered " + response.statusCode() + ": " + response.bodyAsString());
    }
    return query(response.getHeader("Location"));
  }

  /** Strava's redirect back to the callback, as the browser follows it: no bearer token. */
  HttpResponse<Buffer> callback(Map<String, String> query) {
    StringBuilder uri = new StringBuilder("/api/v1/strava/callback?");
    query.forEach((name, value) -> uri.append(name).append('=')
        .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
    return strava.get(uri.substring(0, uri.length() - 1), null);
  }

  /** Connects the person's account to the athlete, the whole round trip; the connection. */
  JsonObject connect(Person person, Athlete athlete) {
    var response = callback(consent(authorizeUrl(person), athlete));
    if (response.statusCode() != 200) {
      throw new AssertionError("the callback answered " + response.statusCode() + ": " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }

  /** Stops the trainer service, as an outage would: the strava service's calls to it fail. */
  void stopTrainer() {
    if (trainerService != null) {
      trainerService.undeploy().await();
      trainerService = null;
    }
  }

  /** The trainer service again, on the same port and database, when it was stopped. */
  void startTrainer() {
    if (trainerService == null) {
      trainerService = ServiceDeployer.deploy(vertx, config, TrainerVerticle.DESCRIPTOR).await();
    }
  }

  /** Stops the background verticle, as a node that dies would: its job stays held until the lease runs out. */
  void killBackground() {
    vertx.undeploy(background).await();
  }

  /** A background verticle again, as a node that (re)starts. */
  void startBackground() {
    background = vertx.deployVerticle(new StravaBackground(config, clock)).await();
  }

  /** {@code POST /strava/sync} as the person. */
  HttpResponse<Buffer> startSync(Person person) {
    return strava.request(HttpMethod.POST, "/api/v1/strava/sync", person.token()).send().await();
  }

  /** {@code GET /strava/sync/{id}} as the person: the job. */
  JsonObject syncJob(Person person, String syncId) {
    return strava.get("/api/v1/strava/sync/" + syncId, person.token()).bodyAsJsonObject();
  }

  /**
   * Waits until the sync is done or failed, moving the clock and the fake Strava to the next
   * quarter hour whenever the sync waits for it; the job as it ended, with how often it waited
   * ({@code "waits"}).
   */
  JsonObject awaitSync(Person person, String syncId) {
    int waits = 0;
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      JsonObject job = syncJob(person, syncId);
      String state = job.getString("state");
      if ("done".equals(state) || "failed".equals(state)) {
        return job.put("waits", waits);
      }
      if ("waiting".equals(state) && job.getString("waiting_until") != null) {
        java.time.Instant until = java.time.Instant.parse(job.getString("waiting_until"));
        if (!clock.instant().isAfter(until)) {
          nextQuarter();
          waits++;
        }
      }
      sleep(50);
    }
    throw new AssertionError("the sync did not end: " + syncJob(person, syncId));
  }

  /** Strava's next quarter hour, on the service's clock and at the fake Strava alike: a new 15-minute window. */
  void nextQuarter() {
    long quarter = 900;
    clock.moveTo(java.time.Instant.ofEpochSecond((clock.instant().getEpochSecond() / quarter + 1) * quarter + 1));
    fake.nextQuarter();
  }

  /** {@code GET} of the strava service as the person: the JSON answer. */
  JsonObject getJson(String path, Person person) {
    return strava.get(path, person.token()).bodyAsJsonObject();
  }

  /** The person's runs in the trainer, newest first (up to 100). */
  io.vertx.core.json.JsonArray runs(Person person) {
    return trainer.get("/api/v1/runs?limit=100", person.token()).bodyAsJsonObject().getJsonArray("items");
  }

  /** How many runs the person has in the trainer. */
  long runCount(Person person) {
    return trainer.get("/api/v1/runs?limit=1", person.token()).bodyAsJsonObject().getLong("total");
  }

  HttpResponse<Buffer> connection(Person person) {
    return strava.get("/api/v1/strava/connection", person.token());
  }

  /** The person's connection row as stored. */
  Row row(Person person) {
    var rows = sql.preparedQuery("SELECT * FROM connections WHERE owner_id = $1::uuid").execute(Tuple.of(person.id())).await();
    return rows.iterator().hasNext() ? rows.iterator().next() : null;
  }

  /** The service's webhook URL, where the fake Strava delivers events. */
  String webhookUrl() {
    return "http://127.0.0.1:" + strava.port() + WEBHOOK;
  }

  /** Strava delivers the event to the service's webhook; how the delivery went. */
  Delivery deliver(JsonObject event) {
    return fake.deliver(webhookUrl(), event).await();
  }

  /** The stored webhook events of this Strava object, oldest first. */
  List<Row> webhookEvents(long objectId) {
    var rows = sql.preparedQuery("SELECT * FROM webhook_events WHERE object_id = $1 ORDER BY id")
        .execute(Tuple.of(objectId)).await();
    List<Row> events = new ArrayList<>();
    rows.forEach(events::add);
    return events;
  }

  /** Moves the person's access token to {@code seconds} from its end, as time passing would. */
  void expireIn(Person person, long seconds) {
    sql.preparedQuery("UPDATE connections SET expires_at = now() + make_interval(secs => $2) WHERE owner_id = $1::uuid")
        .execute(Tuple.of(person.id(), (double) seconds)).await();
  }

  /** The seal of the service's token key, read from the data directory. */
  SecretSeal seal() {
    return SecretSeal.from(config, StravaSettings.TOKEN_KEY, StravaSettings.TOKEN_KEY_FILE);
  }

  /** A {@link StravaTokens} of its own, as another node's would be, on the same database and Strava. */
  StravaTokens tokens() {
    return new StravaTokens(new ConnectionRepository(sql), new StravaOAuth(vertx, StravaSettings.from(config)), seal(),
        Clock.systemUTC());
  }

  /** What {@code probe} finds once {@code done} holds of it, looked at every 50 ms for up to 15 s. */
  static <T> T eventually(Supplier<T> probe, Predicate<T> done, String what) {
    long deadline = System.nanoTime() + 15_000_000_000L;
    T found = probe.get();
    while (!done.test(found)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 15 s: " + what + " (last seen: " + found + ")");
      }
      sleep(50);
      found = probe.get();
    }
    return found;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> query(String url) {
    Map<String, String> query = new LinkedHashMap<>();
    String raw = URI.create(url).getRawQuery();
    if (raw == null) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  @Override
  public void close() {
    sql.close().await();
    auth.close();
    fake.close();
    vertx.close().await();
    TestDatabase.drop(databaseUrl);
    try (var all = Files.walk(dataDir)) {
      all.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }
}
