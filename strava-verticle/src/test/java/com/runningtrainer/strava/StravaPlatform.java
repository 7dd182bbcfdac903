package com.runningtrainer.strava;

import com.runningtrainer.common.VertxFactory;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.common.crypto.SecretSeal;
import com.runningtrainer.common.redis.RedisClients;
import com.runningtrainer.common.service.ServiceDeployer;
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
 * client would, beside a fake auth (people, tokens) and a fake Strava on a local port.
 */
final class StravaPlatform implements AutoCloseable {

  static final String REDIRECT_URL = "http://localhost:8000/api/v1/strava/callback";
  static final String WEBHOOK = "/api/v1/strava/webhook";
  static final String VERIFY_TOKEN = "the webhook's verify token";

  final Vertx vertx;
  final Config config;
  final String databaseUrl;
  final Path dataDir;
  final TestHttp strava;
  final FakeAuth auth;
  final FakeStrava fake;
  final Pool sql;
  final RedisAPI redis;
  private final WebClient browser;

  private StravaPlatform(Vertx vertx, Config config, String databaseUrl, Path dataDir, TestHttp strava, FakeAuth auth,
      FakeStrava fake, Pool sql, RedisAPI redis) {
    this.vertx = vertx;
    this.config = config;
    this.databaseUrl = databaseUrl;
    this.dataDir = dataDir;
    this.strava = strava;
    this.auth = auth;
    this.fake = fake;
    this.sql = sql;
    this.redis = redis;
    this.browser = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
  }

  static StravaPlatform start(Class<?> testClass) {
    Config base = TestConfig.create(testClass);
    String databaseUrl = TestConfig.databaseUrl(base);
    Vertx vertx = VertxFactory.create();
    try {
      Path dataDir = Files.createTempDirectory("strava-" + testClass.getSimpleName());
      FakeAuth auth = FakeAuth.start(vertx, Settings.from(base));
      FakeStrava fake = FakeStrava.start();
      int port = TestPorts.free();
      Config config = base.with(Map.ofEntries(
          Map.entry("AUTH_JWKS_URL", auth.jwksUrl()),
          Map.entry("STRAVA_PORT", String.valueOf(port)),
          Map.entry("STRAVA_INSTANCES", "2"),
          Map.entry("STRAVA_BASE_URL", fake.baseUrl()),
          Map.entry("STRAVA_API_URL", fake.apiUrl()),
          Map.entry("STRAVA_CLIENT_ID", FakeStrava.CLIENT_ID),
          Map.entry("STRAVA_CLIENT_SECRET", FakeStrava.CLIENT_SECRET),
          Map.entry("STRAVA_REDIRECT_URL", REDIRECT_URL),
          Map.entry("STRAVA_WEBHOOK_VERIFY_TOKEN", VERIFY_TOKEN),
          Map.entry("STRAVA_WEBHOOK_CALLBACK_URL", "http://127.0.0.1:" + port + WEBHOOK),
          Map.entry("RT_DATA_DIR", dataDir.toString())));
      ServiceDeployer.deploy(vertx, config, StravaVerticle.DESCRIPTOR).await();
      PgConnectOptions connect = PgConnectOptions.fromUri(databaseUrl);
      connect.addProperty("search_path", "strava");
      Pool sql = PgBuilder.pool().connectingTo(connect).using(vertx).build();
      RedisAPI redis = RedisClients.create(vertx, Settings.from(config).redisUrl());
      return new StravaPlatform(vertx, config, databaseUrl, dataDir, new TestHttp(vertx, port), auth, fake, sql, redis);
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
