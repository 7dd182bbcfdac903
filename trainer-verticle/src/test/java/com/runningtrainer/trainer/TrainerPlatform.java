package com.runningtrainer.trainer;

import com.runningtrainer.auth.AuthVerticle;
import com.runningtrainer.auth.admin.AdminBootstrap;
import com.runningtrainer.common.VertxFactory;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.testsupport.TestDatabase;
import com.runningtrainer.testsupport.TestHttp;
import com.runningtrainer.testsupport.TestPorts;
import com.runningtrainer.testsupport.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.serviceproxy.ServiceProxyBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * The real auth and trainer services on one Vert.x, over a database of the test class's own,
 * reached over HTTP as a client would.
 */
final class TrainerPlatform implements AutoCloseable {

  final Vertx vertx;
  final Config config;
  final String databaseUrl;
  final TestHttp trainer;
  final TestHttp auth;
  private final Config trainerConfig;
  private String trainerDeployment;
  private String admin;

  private TrainerPlatform(Vertx vertx, Config config, Config trainerConfig, String trainerDeployment, String databaseUrl,
      TestHttp trainer, TestHttp auth) {
    this.vertx = vertx;
    this.config = config;
    this.trainerConfig = trainerConfig;
    this.trainerDeployment = trainerDeployment;
    this.databaseUrl = databaseUrl;
    this.trainer = trainer;
    this.auth = auth;
  }

  static TrainerPlatform start(Class<?> testClass) {
    return start(testClass, Map.of());
  }

  /** @param trainerOverrides settings only the trainer sees, e.g. its own DATABASE_URL */
  static TrainerPlatform start(Class<?> testClass, Map<String, String> trainerOverrides) {
    String databaseUrl = TestDatabase.create(testClass);
    int authPort = TestPorts.free();
    int trainerPort = TestPorts.free();
    Config config = Config.of(Map.of(
        "DATABASE_URL", databaseUrl,
        "DATABASE_POOL_SIZE", "4",
        "REDIS_URL", TestRedis.url(),
        "REDIS_PREFIX", TestRedis.keyPrefix(testClass),
        "AUTH_PORT", String.valueOf(authPort),
        "TRAINER_PORT", String.valueOf(trainerPort),
        "AUTH_JWKS_URL", "http://127.0.0.1:" + authPort + "/api/v1/auth/jwks.json",
        // Every test user registers and logs in from this one address: no limit may bite.
        "LOGIN_LIMIT_PER_IP", "10000",
        "REGISTER_LIMIT_PER_IP", "10000",
        "REQUEST_TIMEOUT_MS", "5000"));
    Vertx vertx = VertxFactory.create();
    Config trainerConfig = config.with(trainerOverrides);
    String trainerDeployment;
    try {
      vertx.deployVerticle(new AuthVerticle(config)).await();
      trainerDeployment = vertx.deployVerticle(new TrainerVerticle(trainerConfig)).await();
    } catch (RuntimeException e) {
      // @AfterAll has no platform to close when the start fails: leave no database behind.
      vertx.close().await();
      TestDatabase.drop(databaseUrl);
      throw e;
    }
    return new TrainerPlatform(vertx, config, trainerConfig, trainerDeployment, databaseUrl,
        new TestHttp(vertx, trainerPort), new TestHttp(vertx, authPort));
  }

  /** Undeploys the trainer, as a trainer that is down: nothing consumes what auth publishes. */
  void stopTrainer() {
    vertx.undeploy(trainerDeployment).await();
  }

  /** Deploys the trainer again, on the same port and database. */
  void startTrainer() {
    trainerDeployment = vertx.deployVerticle(new TrainerVerticle(trainerConfig)).await();
  }

  /** Registers a new user and logs them in; their bearer token. */
  String newUser() {
    String email = "runner-" + UUID.randomUUID() + "@example.com";
    JsonObject credentials = new JsonObject().put("email", email).put("password", "correct horse battery");
    auth.post("/api/v1/auth/register", null, credentials);
    return auth.post("/api/v1/auth/login", null, credentials).bodyAsJsonObject().getString("access_token");
  }

  /** A registered, logged-in user: their id, email and bearer token. */
  record Person(String id, String email, String token) {
  }

  /** Registers a new user and logs them in. */
  Person person() {
    String email = "runner-" + UUID.randomUUID() + "@example.com";
    JsonObject credentials = new JsonObject().put("email", email).put("password", "correct horse battery");
    auth.post("/api/v1/auth/register", null, credentials);
    String token = auth.post("/api/v1/auth/login", null, credentials).bodyAsJsonObject().getString("access_token");
    return new Person(auth.get("/api/v1/auth/me", token).bodyAsJsonObject().getString("id"), email, token);
  }

  /** A new user with a verified email and the coach role granted by an admin, as a real coach comes to be. */
  Person coach() {
    Person coach = person();
    verifyEmail(coach);
    grantCoach(coach);
    return coach;
  }

  /**
   * Marks the user's email verified in auth's schema, as following the mailed link would: the
   * link's token never leaves auth, and the mail flow has tests of its own in auth.
   */
  void verifyEmail(Person person) {
    try (Connection connection = jdbc();
        PreparedStatement statement = connection.prepareStatement(
            "UPDATE auth.users SET email_verified_at = now() WHERE id = ?::uuid")) {
      statement.setString(1, person.id());
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Grants the coach role through auth's admin API, with an admin made as the launcher makes the first one. */
  void grantCoach(Person person) {
    var response = auth.put("/api/v1/auth/admin/users/" + person.id() + "/roles/coach", admin(), null);
    if (response.statusCode() != 204) {
      throw new AssertionError("granting coach answered " + response.statusCode() + ": " + response.bodyAsString());
    }
  }

  void removeCoach(Person person) {
    removeRole(person, "coach");
  }

  void grantRole(Person person, String role) {
    admitted(auth.put("/api/v1/auth/admin/users/" + person.id() + "/roles/" + role, admin(), null), "granting " + role);
  }

  void removeRole(Person person, String role) {
    admitted(auth.delete("/api/v1/auth/admin/users/" + person.id() + "/roles/" + role, admin()), "removing " + role);
  }

  /** Disables the account through auth's admin API. */
  void disable(Person person) {
    admitted(auth.post("/api/v1/auth/admin/users/" + person.id() + "/disable", admin(), null), "disabling");
  }

  private static void admitted(io.vertx.ext.web.client.HttpResponse<?> response, String what) {
    if (response.statusCode() != 204) {
      throw new AssertionError(what + " answered " + response.statusCode());
    }
  }

  /** The share's status as the athlete's list of shares shows it; null when it is not there. */
  String statusInAthletesList(Person athlete, JsonObject share) {
    var items = trainer.get("/api/v1/shares?limit=100", athlete.token()).bodyAsJsonObject().getJsonArray("items");
    for (int i = 0; i < items.size(); i++) {
      if (items.getJsonObject(i).getString("id").equals(share.getString("id"))) {
        return items.getJsonObject(i).getString("status");
      }
    }
    return null;
  }

  /**
   * Waits up to 10 s for the share to have this status in the athlete's list: auth's message and
   * the trainer's reconciliation at start act in the background.
   */
  void awaitStatus(Person athlete, JsonObject share, String status) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!status.equals(statusInAthletesList(athlete, share))) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("the share is " + statusInAthletesList(athlete, share) + ", not " + status);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private synchronized String admin() {
    if (admin == null) {
      Person person = person();
      AdminBootstrap.makeAdmin(vertx, Settings.from(config), person.email()).await();
      JsonObject credentials = new JsonObject().put("email", person.email()).put("password", "correct horse battery");
      admin = auth.post("/api/v1/auth/login", null, credentials).bodyAsJsonObject().getString("access_token");
    }
    return admin;
  }

  /** The athlete invites the coach; the pending share. */
  JsonObject invite(Person athlete, Person coach, String access, boolean shareStravaRuns) {
    return create("/api/v1/shares", athlete.token(), new JsonObject().put("coach_email", coach.email())
        .put("access", access).put("share_strava_runs", shareStravaRuns));
  }

  /** The athlete invites the coach and the coach accepts; the active share. */
  JsonObject share(Person athlete, Person coach, String access, boolean shareStravaRuns) {
    JsonObject invitation = invite(athlete, coach, access, shareStravaRuns);
    var accepted = trainer.post("/api/v1/coaching/invitations/" + invitation.getString("id") + "/accept", coach.token(), null);
    if (accepted.statusCode() != 200) {
      throw new AssertionError("accepting answered " + accepted.statusCode() + ": " + accepted.bodyAsString());
    }
    return accepted.bodyAsJsonObject();
  }

  /** Imports a run from Strava over the event bus, as the strava service will. */
  JsonObject stravaRun(Person athlete, long activityId, String date, double distanceKm, double durationMinutes) {
    return trainerService().importRun(athlete.id(), new JsonObject().put("strava_activity_id", activityId)
        .put("actual_date", date).put("distance_km", distanceKm).put("duration_minutes", durationMinutes)).await();
  }

  TrainerService trainerService() {
    return new ServiceProxyBuilder(vertx).setAddress(TrainerVerticle.SERVICE_ADDRESS)
        .setOptions(new DeliveryOptions().setSendTimeout(5_000)).build(TrainerService.class);
  }

  /**
   * Makes auth's service proxy deaf, as an auth service that is down or partitioned away would
   * be: every message to {@code auth.service} is dropped until the returned handle is closed.
   * Auth's HTTP port (login, JWKS) keeps working.
   */
  AutoCloseable authStopsAnswering() {
    Handler<DeliveryContext<Object>> deaf = context -> {
      if (!AuthVerticle.SERVICE_ADDRESS.equals(context.message().address())) {
        context.next();
      }
    };
    vertx.eventBus().addOutboundInterceptor(deaf);
    return () -> vertx.eventBus().removeOutboundInterceptor(deaf);
  }

  private Connection jdbc() throws SQLException {
    PgConnectOptions options = PgConnectOptions.fromUri(databaseUrl);
    String url = "jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
    return DriverManager.getConnection(url, options.getUser(), options.getPassword());
  }

  /** POSTs a resource that must be created; its JSON. */
  JsonObject create(String path, String token, JsonObject body) {
    var response = trainer.post(path, token, body);
    if (response.statusCode() != 201) {
      throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }

  JsonObject plan(String token, String start, String end) {
    return create("/api/v1/plans", token, new JsonObject().put("name", "Plan").put("start_date", start).put("end_date", end));
  }

  JsonObject workout(String token, JsonObject plan, String type, String date, Double distanceKm) {
    return create("/api/v1/workouts", token, new JsonObject()
        .put("plan_id", plan.getString("id"))
        .put("name", type + " on " + date)
        .put("workout_type", type)
        .put("scheduled_date", date)
        .put("distance_km", distanceKm));
  }

  JsonObject run(String token, String workoutId, String date, double distanceKm, double durationMinutes) {
    return create("/api/v1/runs", token, new JsonObject()
        .put("workout_id", workoutId)
        .put("actual_date", date)
        .put("distance_km", distanceKm)
        .put("duration_minutes", durationMinutes));
  }

  @Override
  public void close() {
    vertx.close().await();
    TestDatabase.drop(databaseUrl);
  }
}
