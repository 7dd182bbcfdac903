package com.runningtrainer.testsupport;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Strava's OAuth2 server on a local port, for auth's Strava login and the strava service:
 * {@code /oauth/authorize} signs in whichever athlete the test chose and sends the browser back
 * with a code and the scope granted; {@code /oauth/token} takes client id and secret as form
 * fields, redeems a code once ({@code authorization_code}) or a refresh token once
 * ({@code refresh_token}, which rotates it, so that only the newest works) and answers Strava's
 * token response (with the athlete for a code); {@code /oauth/revoke} and
 * {@code /oauth/deauthorize} end an athlete's tokens. Errors are Strava's shape, and a test can
 * make the token endpoint fail as Strava does ({@link Failure}). Its API v3 ({@link #apiUrl()})
 * serves athletes' activities ({@link #records}) as Strava does: the list newest first with
 * before/after/page/per_page, private activities hidden without {@code activity:read_all},
 * writes only with {@code activity:write}, and rate-limit headers on every answer, 429 beyond
 * the limits a test sets ({@link #rateLimits}). It holds the application's one push subscription
 * ({@code /push_subscriptions}), checked by calling the callback's GET with a challenge before it
 * is made, as Strava does; and it delivers webhook events as Strava does ({@link #deliver}).
 */
public final class FakeStrava implements AutoCloseable {

  public static final String CLIENT_ID = "4711";
  public static final String CLIENT_SECRET = "strava client secret";
  /** Where Strava's API v3 is, below {@link #baseUrl()}: {@link #apiUrl()}. */
  private static final String API = "/api/v3";
  /** Strava waits this long for a webhook's 200, and tries this often in all. */
  public static final long DELIVERY_TIMEOUT_MS = 2_000;
  public static final int DELIVERY_TRIES = 3;
  private static final long DELIVERY_RETRY_PAUSE_MS = 200;
  private static final AtomicLong SUBSCRIPTION_IDS = new AtomicLong(120_474);
  private static final AtomicLong ATHLETE_IDS = new AtomicLong(134_815);

  private final Vertx vertx;
  private final HttpServer server;
  private final Map<String, Athlete> grants = new ConcurrentHashMap<>();
  private final Set<String> redeemed = ConcurrentHashMap.newKeySet();
  private final Map<String, Athlete> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, Athlete> accessTokens = new ConcurrentHashMap<>();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final AtomicInteger refreshes = new AtomicInteger();
  private volatile Athlete signingIn;
  private volatile String grantedScope;
  private volatile long expiresInSeconds = 21_600;
  private volatile long refreshDelayMs;
  private volatile Failure tokenFailure;
  private volatile boolean revokeMissing;
  private volatile MultiMap lastTokenForm;
  private volatile String lastTokenAuthorization;
  private final WebClient deliveries;
  private volatile JsonObject subscription;

  /** An athlete who may sign in. */
  public record Athlete(long id, String firstname, String lastname) {
    public static Athlete next(String firstname, String lastname) {
      return new Athlete(ATHLETE_IDS.incrementAndGet(), firstname, lastname);
    }
  }

  /** How Strava's token endpoint refuses, as it does. */
  public enum Failure {
    /** 401: client id or secret refused. */
    UNAUTHORIZED,
    /** 400 naming the refresh token or code invalid: a revoked or used grant. */
    INVALID_GRANT,
    /** 403 "Application Inactive". */
    APPLICATION_INACTIVE,
    /** 500: Strava is having a bad day. */
    SERVER_ERROR
  }

  // ---- Strava's API v3: athletes' activities, behind rate limits -------------------------------
  private static final AtomicLong ACTIVITY_IDS = new AtomicLong(10_000_000_000L);
  private final Map<Long, String> scopes = new ConcurrentHashMap<>();
  private final Map<Long, Map<Long, JsonObject>> activities = new ConcurrentHashMap<>();
  private final AtomicInteger apiCalls = new AtomicInteger();
  private final AtomicInteger throttled = new AtomicInteger();
  private final AtomicInteger refuseNext = new AtomicInteger();
  private final int[] usage = new int[4];
  private volatile int[] limits = {600, 30_000, 300, 15_000};

  /** The API's routes, beside OAuth's. */
  private static void apiRoutes(Router router, FakeStrava[] self) {
    router.route("/api/v3/*").handler(rc -> self[0].limited(rc));
    router.get("/api/v3/athlete").handler(rc -> self[0].athlete(rc));
    router.get("/api/v3/athlete/activities").handler(rc -> self[0].listActivities(rc));
    router.get("/api/v3/activities/:id").handler(rc -> self[0].getActivity(rc));
    router.put("/api/v3/activities/:id").handler(BodyHandler.create(false)).handler(rc -> self[0].updateActivity(rc));
    router.post("/api/v3/activities").handler(BodyHandler.create(false)).handler(rc -> self[0].createActivity(rc));
  }

  /** {@code STRAVA_API_URL}. */
  public String apiUrl() {
    return baseUrl() + "/api/v3";
  }

  /**
   * An activity as Strava's list and GET give it, with a new id.
   *
   * @param startDate UTC, e.g. {@code 2026-03-06T02:30:00Z}
   * @param startDateLocal the athlete's wall-clock time, with Strava's misleading {@code Z}
   */
  public static JsonObject activity(String sportType, String startDate, String startDateLocal, double meters,
      int movingSeconds) {
    return new JsonObject()
        .put("id", ACTIVITY_IDS.incrementAndGet())
        .put("resource_state", 2)
        .put("name", "Morning " + sportType)
        .put("type", sportType)
        .put("sport_type", sportType)
        .put("distance", meters)
        .put("moving_time", movingSeconds)
        .put("elapsed_time", movingSeconds + 60)
        .put("total_elevation_gain", 12.5)
        .put("start_date", startDate)
        .put("start_date_local", startDateLocal)
        .put("timezone", "(GMT+01:00) Europe/Zurich")
        .put("private", false)
        .put("visibility", "everyone")
        .put("manual", false)
        .put("start_latlng", new JsonArray().add(46.95).add(7.44));
  }

  /** The athlete recorded these activities at Strava. */
  public void records(Athlete athlete, JsonObject... recorded) {
    Map<Long, JsonObject> theirs = activities.computeIfAbsent(athlete.id(), id -> new ConcurrentHashMap<>());
    for (JsonObject activity : recorded) {
      theirs.put(activity.getLong("id"), activity.copy().put("athlete", new JsonObject().put("id", athlete.id())));
    }
  }

  /** The athlete deleted the activity at Strava. */
  public void deletes(Athlete athlete, long activityId) {
    activities.getOrDefault(athlete.id(), Map.of()).remove(activityId);
  }

  /** The athlete's activity as Strava holds it now; null when there is none. */
  public JsonObject activityOf(Athlete athlete, long activityId) {
    return activities.getOrDefault(athlete.id(), Map.of()).get(activityId);
  }

  /** The application's limits from now on: requests per 15 minutes and per day, overall and for reads. */
  public void rateLimits(int quarter, int day, int readQuarter, int readDay) {
    this.limits = new int[] {quarter, day, readQuarter, readDay};
  }

  /** A new quarter hour at Strava: the 15-minute usage starts again. */
  public synchronized void nextQuarter() {
    usage[0] = 0;
    usage[2] = 0;
  }

  /** Answers the next {@code count} API requests 429, whatever the usage (another application spent the limit). */
  public void refusesNext(int count) {
    refuseNext.set(count);
  }

  /** How many API requests were answered (429s included). */
  public int apiCalls() {
    return apiCalls.get();
  }

  /** How many API requests were answered 429. */
  public int throttled() {
    return throttled.get();
  }

  /** Counts the request against the limits, as Strava does, and says so in the headers; 429 beyond them. */
  private void limited(RoutingContext rc) {
    apiCalls.incrementAndGet();
    boolean read = rc.request().method() == io.vertx.core.http.HttpMethod.GET;
    boolean over;
    int[] seen;
    synchronized (this) {
      over = refuseNext.getAndUpdate(left -> Math.max(0, left - 1)) > 0 || usage[0] >= limits[0] || usage[1] >= limits[1] || (read && (usage[2] >= limits[2] || usage[3] >= limits[3]));
      if (!over) {
        usage[0]++;
        usage[1]++;
        if (read) {
          usage[2]++;
          usage[3]++;
        }
      }
      seen = usage.clone();
    }
    rc.response()
        .putHeader("X-RateLimit-Limit", limits[0] + "," + limits[1])
        .putHeader("X-RateLimit-Usage", seen[0] + "," + seen[1])
        .putHeader("X-ReadRateLimit-Limit", limits[2] + "," + limits[3])
        .putHeader("X-ReadRateLimit-Usage", seen[2] + "," + seen[3]);
    if (over) {
      throttled.incrementAndGet();
      json(rc, 429, fault("Rate Limit Exceeded", "Application", "rate limit", "exceeded"));
      return;
    }
    Athlete athlete = bearer(rc);
    if (athlete == null) {
      json(rc, 401, fault("Authorization Error", "Athlete", "access_token", "invalid"));
      return;
    }
    rc.put("athlete", athlete);
    rc.next();
  }

  private Athlete bearer(RoutingContext rc) {
    String authorization = rc.request().getHeader("Authorization");
    String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    return token == null || revoked.contains(token) ? null : accessTokens.get(token);
  }

  private boolean may(Athlete athlete, String scope) {
    return List.of(scopes.getOrDefault(athlete.id(), "").split(",")).contains(scope);
  }

  /** Private activities need {@code activity:read_all}. */
  private boolean visible(Athlete athlete, JsonObject activity) {
    return !activity.getBoolean("private", false) || may(athlete, "activity:read_all");
  }

  private void athlete(RoutingContext rc) {
    Athlete athlete = rc.get("athlete");
    json(rc, 200, new JsonObject().put("id", athlete.id()).put("resource_state", 3)
        .put("firstname", athlete.firstname()).put("lastname", athlete.lastname())
        .put("city", "Thun").put("country", "Switzerland").put("sex", "F").put("weight", 58.5)
        .put("measurement_preference", "meters").put("profile", "avatar/athlete/large.png"));
  }

  /** Newest first; {@code before}/{@code after} epoch seconds on start_date; {@code page} from 1, {@code per_page} up to 200. */
  private void listActivities(RoutingContext rc) {
    Athlete athlete = rc.get("athlete");
    MultiMap query = rc.queryParams();
    long before = query.get("before") == null ? Long.MAX_VALUE : Long.parseLong(query.get("before"));
    long after = query.get("after") == null ? Long.MIN_VALUE : Long.parseLong(query.get("after"));
    int page = query.get("page") == null ? 1 : Integer.parseInt(query.get("page"));
    int perPage = query.get("per_page") == null ? 30 : Math.min(200, Integer.parseInt(query.get("per_page")));
    List<JsonObject> found = activities.getOrDefault(athlete.id(), Map.of()).values().stream()
        .filter(activity -> visible(athlete, activity))
        .filter(activity -> {
          long start = Instant.parse(activity.getString("start_date")).getEpochSecond();
          return start < before && start > after;
        })
        .sorted(Comparator.comparing((JsonObject activity) -> activity.getString("start_date")).reversed())
        .skip((long) (page - 1) * perPage).limit(perPage).toList();
    rc.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(new JsonArray(new ArrayList<>(found)).encode());
  }

  private JsonObject owned(RoutingContext rc) {
    Athlete athlete = rc.get("athlete");
    JsonObject activity;
    try {
      activity = activities.getOrDefault(athlete.id(), Map.of()).get(Long.parseLong(rc.pathParam("id")));
    } catch (NumberFormatException e) {
      activity = null;
    }
    if (activity == null || !visible(athlete, activity)) {
      json(rc, 404, fault("Record Not Found", "Activity", "id", "invalid"));
      return null;
    }
    return activity;
  }

  private void getActivity(RoutingContext rc) {
    JsonObject activity = owned(rc);
    if (activity != null) {
      json(rc, 200, activity.copy().put("resource_state", 3).put("description", activity.getString("description")));
    }
  }

  private void updateActivity(RoutingContext rc) {
    if (!may(rc.get("athlete"), "activity:write")) {
      json(rc, 401, fault("Authorization Error", "AccessToken", "activity:write_permission", "missing"));
      return;
    }
    JsonObject activity = owned(rc);
    if (activity != null) {
      JsonObject changes = rc.body().asJsonObject();
      for (String field : List.of("name", "description", "sport_type", "type")) {
        if (changes.containsKey(field)) {
          activity.put(field, changes.getValue(field));
        }
      }
      json(rc, 200, activity);
    }
  }

  private void createActivity(RoutingContext rc) {
    Athlete athlete = rc.get("athlete");
    if (!may(athlete, "activity:write")) {
      json(rc, 401, fault("Authorization Error", "AccessToken", "activity:write_permission", "missing"));
      return;
    }
    JsonObject body = rc.body().asJsonObject();
    // Strava turns the local time into UTC with the athlete's zone; the fake's athletes live in UTC.
    String local = body.getString("start_date_local", "");
    String start = local.endsWith("Z") ? local : local + "Z";
    JsonObject created = activity(body.getString("sport_type", "Run"), start, start, body.getDouble("distance", 0.0),
        body.getInteger("elapsed_time", 0))
        .put("name", body.getString("name")).put("description", body.getString("description"))
        .put("manual", true).putNull("start_latlng");
    records(athlete, created);
    json(rc, 201, created);
  }
  // ---- end of Strava's API v3 --------------------------------------------------------------------

  private FakeStrava(Vertx vertx, HttpServer server) {
    this.vertx = vertx;
    this.server = server;
    // Strava delivers a burst over many connections at once.
    this.deliveries = WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(64));
  }

  public static FakeStrava start() {
    Vertx vertx = Vertx.vertx();
    FakeStrava[] self = new FakeStrava[1];
    Router router = Router.router(vertx);
    router.get("/oauth/authorize").handler(rc -> self[0].authorize(rc));
    router.post("/oauth/token").handler(BodyHandler.create(false)).handler(rc -> self[0].token(rc));
    router.post("/oauth/revoke").handler(BodyHandler.create(false)).handler(rc -> self[0].revoke(rc));
    router.post("/oauth/deauthorize").handler(BodyHandler.create(false)).handler(rc -> self[0].deauthorize(rc));
    // Push subscriptions (webhook deliveries go out from deliver), before the API's bearer check:
    // Strava takes the application's client id and secret there.
    router.get(API + "/push_subscriptions").handler(rc -> self[0].subscriptions(rc));
    router.post(API + "/push_subscriptions").handler(BodyHandler.create(false)).handler(rc -> self[0].subscribe(rc));
    router.delete(API + "/push_subscriptions/:id").handler(rc -> self[0].unsubscribe(rc));
    apiRoutes(router, self);
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    self[0] = new FakeStrava(vertx, server);
    return self[0];
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public void signsIn(Athlete athlete) {
    this.signingIn = athlete;
  }

  /** The scope the athlete grants from now on, comma-separated; null: what was asked. */
  public void grants(String scope) {
    this.grantedScope = scope;
  }

  /** How long access tokens issued from now on live (Strava: six hours). */
  public void expiresIn(long seconds) {
    this.expiresInSeconds = seconds;
  }

  /** Slows every refresh down, so that concurrent ones overlap. */
  public void refreshDelay(long millis) {
    this.refreshDelayMs = millis;
  }

  /** Makes every token request fail so from now on; null: answer normally again. */
  public void failTokens(Failure failure) {
    this.tokenFailure = failure;
  }

  /** Makes {@code /oauth/revoke} answer 404, as if Strava only had {@code /oauth/deauthorize}. */
  public void revokeMissing(boolean missing) {
    this.revokeMissing = missing;
  }

  /** Revokes the athlete's authorization at Strava's side (the athlete did it in Strava's settings). */
  public void deauthorizeAtStrava(long athleteId) {
    refreshTokens.values().removeIf(athlete -> athlete.id() == athleteId);
    accessTokens.entrySet().removeIf(entry -> {
      boolean theirs = entry.getValue().id() == athleteId;
      if (theirs) {
        revoked.add(entry.getKey());
      }
      return theirs;
    });
  }

  /** How many refresh_token grants were answered with new tokens. */
  public int refreshes() {
    return refreshes.get();
  }

  /** Whether this access token was revoked (by revoke or deauthorize). */
  public boolean isRevoked(String accessToken) {
    return revoked.contains(accessToken);
  }

  /** How many access tokens were revoked. */
  public int revokedCount() {
    return revoked.size();
  }

  /** The form of the last token request. */
  public MultiMap lastTokenForm() {
    return lastTokenForm;
  }

  /** The Authorization header of the last token request; null when it had none. */
  public String lastTokenAuthorization() {
    return lastTokenAuthorization;
  }

  /** The application's push subscription (Strava holds one per application); null when none. */
  public JsonObject subscription() {
    return subscription;
  }

  /** Makes a subscription as if made earlier, by another deployment. */
  public JsonObject subscribedAlready(String callbackUrl) {
    subscription = newSubscription(callbackUrl);
    return subscription;
  }

  /**
   * An event of the application's subscription as Strava posts it: {@code updates} empty unless given,
   * {@code event_time} now.
   */
  public JsonObject event(String objectType, long objectId, String aspectType, long athleteId, JsonObject updates) {
    JsonObject current = subscription;
    return new JsonObject()
        .put("aspect_type", aspectType)
        .put("event_time", System.currentTimeMillis() / 1000)
        .put("object_id", objectId)
        .put("object_type", objectType)
        .put("owner_id", athleteId)
        .put("subscription_id", current == null ? 1 : current.getLong("id"))
        .put("updates", updates == null ? new JsonObject() : updates);
  }

  /** One try of a webhook delivery: the status answered (0 when none came in time) and how long it took. */
  public record Try(int status, long millis) {
    /** What Strava counts as acknowledged: a 200 within 2 s. */
    public boolean acknowledged() {
      return status == 200 && millis <= DELIVERY_TIMEOUT_MS;
    }
  }

  /** A webhook delivery: its tries, the last acknowledged unless all three failed. */
  public record Delivery(List<Try> tries) {
    public boolean acknowledged() {
      return !tries.isEmpty() && tries.get(tries.size() - 1).acknowledged();
    }
  }

  /** Delivers the event to a callback, as Strava does (see {@link #deliver(String, String)}). */
  public Future<Delivery> deliver(String callbackUrl, JsonObject event) {
    return deliver(callbackUrl, event.encode());
  }

  /**
   * Posts a webhook event to a callback as Strava does, and tries again (three tries in all) while
   * the answer is not a 200 within 2 s.
   *
   * @param body the JSON as it travels, malformed if a test wants it so
   */
  public Future<Delivery> deliver(String callbackUrl, String body) {
    List<Try> tries = new ArrayList<>();
    return deliverTry(callbackUrl, body, tries).map(done -> new Delivery(List.copyOf(tries)));
  }

  private Future<Void> deliverTry(String callbackUrl, String body, List<Try> tries) {
    long start = System.nanoTime();
    return deliveries.postAbs(callbackUrl).putHeader("Content-Type", "application/json")
        .timeout(DELIVERY_TIMEOUT_MS).sendBuffer(Buffer.buffer(body))
        .map(response -> response.statusCode()).otherwise(0)
        .compose(status -> {
          Try done = new Try(status, (System.nanoTime() - start) / 1_000_000);
          tries.add(done);
          if (done.acknowledged() || tries.size() >= DELIVERY_TRIES) {
            return Future.succeededFuture();
          }
          return vertx.timer(DELIVERY_RETRY_PAUSE_MS).compose(waited -> deliverTry(callbackUrl, body, tries));
        });
  }

  private void subscriptions(RoutingContext rc) {
    if (!application(rc.queryParams())) {
      json(rc, 401, fault("Authorization Error", "Application", "client_secret", "invalid"));
      return;
    }
    JsonObject current = subscription;
    rc.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=utf-8")
        .end((current == null ? new JsonArray() : new JsonArray().add(current)).encode());
  }

  /** Strava calls the callback's GET with a challenge, and makes the subscription only when it is echoed. */
  private void subscribe(RoutingContext rc) {
    MultiMap form = rc.request().formAttributes();
    String callbackUrl = form.get("callback_url");
    String verifyToken = form.get("verify_token");
    if (!application(form)) {
      json(rc, 401, fault("Authorization Error", "Application", "client_secret", "invalid"));
      return;
    }
    if (callbackUrl == null || verifyToken == null) {
      json(rc, 400, fault("Bad Request", "PushSubscription", callbackUrl == null ? "callback_url" : "verify_token", "missing"));
      return;
    }
    if (subscription != null) {
      json(rc, 400, fault("Bad Request", "PushSubscription", "", "already exists"));
      return;
    }
    String challenge = UUID.randomUUID().toString().replace("-", "");
    deliveries.getAbs(callbackUrl).addQueryParam("hub.mode", "subscribe").addQueryParam("hub.challenge", challenge)
        .addQueryParam("hub.verify_token", verifyToken).timeout(DELIVERY_TIMEOUT_MS).send()
        .onComplete(checked -> {
          boolean echoed = checked.succeeded() && checked.result().statusCode() == 200
              && challenge.equals(echoedChallenge(checked.result().bodyAsString()));
          if (!echoed) {
            json(rc, 400, fault("Bad Request", "PushSubscription", "callback url", "GET to callback URL does not return 200"));
            return;
          }
          subscription = newSubscription(callbackUrl);
          json(rc, 201, new JsonObject().put("id", subscription.getLong("id")));
        });
  }

  private void unsubscribe(RoutingContext rc) {
    if (!application(rc.queryParams())) {
      json(rc, 401, fault("Authorization Error", "Application", "client_secret", "invalid"));
      return;
    }
    JsonObject current = subscription;
    if (current == null || !String.valueOf(current.getLong("id")).equals(rc.pathParam("id"))) {
      json(rc, 404, fault("Resource Not Found", "PushSubscription", "id", "not found"));
      return;
    }
    subscription = null;
    rc.response().setStatusCode(204).end();
  }

  private static String echoedChallenge(String body) {
    try {
      return new JsonObject(body).getString("hub.challenge");
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean application(MultiMap params) {
    return CLIENT_ID.equals(params.get("client_id")) && CLIENT_SECRET.equals(params.get("client_secret"));
  }

  private static JsonObject newSubscription(String callbackUrl) {
    String now = java.time.Instant.now().toString();
    return new JsonObject().put("id", SUBSCRIPTION_IDS.incrementAndGet()).put("resource_state", 2)
        .put("application_id", Long.parseLong(CLIENT_ID)).put("callback_url", callbackUrl)
        .put("created_at", now).put("updated_at", now);
  }

  private void authorize(RoutingContext rc) {
    MultiMap query = rc.queryParams();
    String redirectUri = query.get("redirect_uri");
    if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type")) || redirectUri == null
        || query.get("state") == null || signingIn == null) {
      json(rc, 400, fault("Bad Request", "Application", "client_id", "invalid"));
      return;
    }
    String code = UUID.randomUUID().toString().replace("-", "");
    grants.put(code, signingIn);
    String scope = grantedScope != null ? grantedScope : query.get("scope");
    scopes.put(signingIn.id(), scope == null ? "" : scope);
    rc.response().setStatusCode(302).putHeader("Location", redirectUri + "?state=" + encode(query.get("state"))
        + "&code=" + code + "&scope=" + encode(scope)).end();
  }

  private void token(RoutingContext rc) {
    MultiMap form = rc.request().formAttributes();
    lastTokenForm = MultiMap.caseInsensitiveMultiMap().addAll(form);
    lastTokenAuthorization = rc.request().getHeader("Authorization");
    Failure failure = tokenFailure;
    if (failure != null) {
      fail(rc, failure, "refresh_token".equals(form.get("grant_type")) ? "RefreshToken" : "AuthorizationCode");
      return;
    }
    if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      json(rc, 401, fault("Authorization Error", "Application", "client_secret", "invalid"));
      return;
    }
    if ("refresh_token".equals(form.get("grant_type"))) {
      refresh(rc, form.get("refresh_token"));
      return;
    }
    String code = form.get("code");
    Athlete athlete = code == null ? null : grants.get(code);
    if (!"authorization_code".equals(form.get("grant_type")) || athlete == null || !redeemed.add(code)) {
      json(rc, 400, fault("Bad Request", "AuthorizationCode", "code", "invalid"));
      return;
    }
    json(rc, 200, tokens(athlete).put("athlete", new JsonObject()
        .put("id", athlete.id())
        .put("username", null)
        .put("resource_state", 2)
        .put("firstname", athlete.firstname())
        .put("lastname", athlete.lastname())
        .put("city", "Bern")
        .put("country", "Switzerland")
        .put("sex", "F")
        .put("premium", false)
        .put("summit", false)
        .put("created_at", "2019-03-02T09:12:44Z")
        .put("updated_at", "2026-01-05T18:20:11Z")
        .put("profile_medium", "avatar/athlete/medium.png")
        .put("profile", "avatar/athlete/large.png")));
  }

  /** A refresh token serves once: it is swapped for a new one, so only the newest works. */
  private void refresh(RoutingContext rc, String refreshToken) {
    Athlete athlete = refreshToken == null ? null : refreshTokens.remove(refreshToken);
    if (athlete == null) {
      json(rc, 400, fault("Bad Request", "RefreshToken", "refresh_token", "invalid"));
      return;
    }
    refreshes.incrementAndGet();
    JsonObject answer = tokens(athlete);
    if (refreshDelayMs > 0) {
      vertx.setTimer(refreshDelayMs, timer -> json(rc, 200, answer));
    } else {
      json(rc, 200, answer);
    }
  }

  private JsonObject tokens(Athlete athlete) {
    String access = UUID.randomUUID().toString().replace("-", "");
    String refresh = UUID.randomUUID().toString().replace("-", "");
    accessTokens.put(access, athlete);
    refreshTokens.put(refresh, athlete);
    long now = System.currentTimeMillis() / 1000;
    return new JsonObject()
        .put("token_type", "Bearer")
        .put("expires_at", now + expiresInSeconds)
        .put("expires_in", expiresInSeconds)
        .put("refresh_token", refresh)
        .put("access_token", access);
  }

  private void revoke(RoutingContext rc) {
    if (revokeMissing) {
      json(rc, 404, new JsonObject().put("message", "Record Not Found"));
      return;
    }
    MultiMap form = rc.request().formAttributes();
    if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      json(rc, 401, fault("Authorization Error", "Application", "client_secret", "invalid"));
      return;
    }
    endAuthorization(rc, form.get("token"));
  }

  private void deauthorize(RoutingContext rc) {
    String authorization = rc.request().getHeader("Authorization");
    String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    endAuthorization(rc, token);
  }

  private void endAuthorization(RoutingContext rc, String accessToken) {
    Athlete athlete = accessToken == null ? null : accessTokens.get(accessToken);
    if (athlete == null) {
      json(rc, 401, fault("Authorization Error", "Athlete", "access_token", "invalid"));
      return;
    }
    deauthorizeAtStrava(athlete.id());
    json(rc, 200, new JsonObject().put("access_token", accessToken));
  }

  private static void fail(RoutingContext rc, Failure failure, String resource) {
    switch (failure) {
      case UNAUTHORIZED -> json(rc, 401, fault("Authorization Error", "Athlete", "access_token", "invalid"));
      case INVALID_GRANT -> json(rc, 400, fault("Bad Request", resource, resource.equals("RefreshToken") ? "refresh_token" : "code", "invalid"));
      case APPLICATION_INACTIVE -> json(rc, 403, fault("Application Inactive", "Application", "", "inactive"));
      case SERVER_ERROR -> json(rc, 500, new JsonObject().put("message", "Internal Server Error"));
    }
  }

  private static JsonObject fault(String message, String resource, String field, String code) {
    return new JsonObject().put("message", message)
        .put("errors", new JsonArray().add(new JsonObject().put("resource", resource).put("field", field).put("code", code)));
  }

  private static void json(RoutingContext rc, int status, JsonObject body) {
    rc.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
