package com.runningtrainer.trainer;

import com.runningtrainer.auth.api.AuthDirectory;
import com.runningtrainer.common.VertxFactory;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.common.service.ServiceDeployer;
import com.runningtrainer.testsupport.FakeAuth;
import com.runningtrainer.testsupport.FakeAuth.Person;
import com.runningtrainer.testsupport.TestConfig;
import com.runningtrainer.testsupport.TestDatabase;
import com.runningtrainer.testsupport.TestHttp;
import com.runningtrainer.trainer.api.RunImports;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * The real trainer on one Vert.x, over a database of the test class's own, reached over HTTP as
 * a client would, beside a fake auth on the same event bus that knows the people, signs their
 * tokens and answers the trainer's questions about them.
 */
final class TrainerPlatform implements AutoCloseable {

  final Vertx vertx;
  final Config config;
  final String databaseUrl;
  final TestHttp trainer;
  final FakeAuth auth;
  private ServiceDeployer.Deployed deployed;

  private TrainerPlatform(Vertx vertx, Config config, ServiceDeployer.Deployed deployed, String databaseUrl,
      TestHttp trainer, FakeAuth auth) {
    this.vertx = vertx;
    this.config = config;
    this.deployed = deployed;
    this.databaseUrl = databaseUrl;
    this.trainer = trainer;
    this.auth = auth;
  }

  static TrainerPlatform start(Class<?> testClass) {
    return start(testClass, Map.of());
  }

  /** @param overrides settings of the trainer, e.g. its own DATABASE_URL or TRAINER_INSTANCES */
  static TrainerPlatform start(Class<?> testClass, Map<String, String> overrides) {
    Config base = TestConfig.create(testClass);
    String databaseUrl = TestConfig.databaseUrl(base);
    int trainerPort = base.integer("TRAINER_PORT", 0);
    Vertx vertx = VertxFactory.create();
    try {
      FakeAuth auth = FakeAuth.start(vertx, Settings.from(base));
      Config config = base.with(Map.of("AUTH_JWKS_URL", auth.jwksUrl())).with(overrides);
      ServiceDeployer.Deployed deployed = ServiceDeployer.deploy(vertx, config, TrainerVerticle.DESCRIPTOR).await();
      return new TrainerPlatform(vertx, config, deployed, databaseUrl, new TestHttp(vertx, trainerPort), auth);
    } catch (RuntimeException e) {
      // @AfterAll has no platform to close when the start fails: leave no database behind.
      vertx.close().await();
      TestDatabase.drop(databaseUrl);
      throw e;
    }
  }

  /** Undeploys the trainer, as a trainer that is down: nothing consumes what auth publishes. */
  void stopTrainer() {
    deployed.undeploy().await();
  }

  /** Stops the process as the launcher does on SIGTERM: the trainer first, then Vert.x. */
  void stopProcess() {
    ServiceDeployer.undeployThenClose(vertx, List.of(Future.succeededFuture(deployed))).await();
  }

  /** Deploys the trainer again, on the same port and database. */
  void startTrainer() {
    deployed = ServiceDeployer.deploy(vertx, config, TrainerVerticle.DESCRIPTOR).await();
  }

  /** A new user, logged in; their bearer token. */
  String newUser() {
    return person().token();
  }

  /** A new user with a verified email, logged in: an athlete who may invite a coach. */
  Person person() {
    Person person = auth.person();
    verifyEmail(person);
    return person;
  }

  /** A new user who has not followed the verification link, logged in. */
  Person unverifiedPerson() {
    return auth.person();
  }

  /** A new user with a verified email and the coach role, as a real coach comes to be. */
  Person coach() {
    Person coach = person();
    verifyEmail(coach);
    grantCoach(coach);
    return coach;
  }

  void verifyEmail(Person person) {
    auth.verifyEmail(person);
  }

  void grantCoach(Person person) {
    grantRole(person, "coach");
  }

  void removeCoach(Person person) {
    removeRole(person, "coach");
  }

  void grantRole(Person person, String role) {
    auth.grantRole(person, role);
  }

  void removeRole(Person person, String role) {
    auth.removeRole(person, role);
  }

  void disable(Person person) {
    auth.disable(person);
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

  /** Imports a run from Strava over the event bus, as the strava service will; the run. */
  JsonObject stravaRun(Person athlete, long activityId, String date, double distanceKm, double durationMinutes) {
    return importActivity(athlete, activityId, date, distanceKm, durationMinutes).getJsonObject("run");
  }

  /** As {@link #stravaRun}; the whole answer, {@code {"outcome", "run"}}. */
  JsonObject importActivity(Person athlete, long activityId, String date, double distanceKm, double durationMinutes) {
    return runImports().importRun(athlete.id(), new JsonObject().put("strava_activity_id", activityId)
        .put("actual_date", date).put("distance_km", distanceKm).put("duration_minutes", durationMinutes)).await();
  }

  /** The proxy the strava service imports runs with. */
  RunImports runImports() {
    return RunImports.createProxy(vertx, new DeliveryOptions().setSendTimeout(5_000));
  }

  /**
   * Makes auth's directory deaf, as an auth service that is down or partitioned away would be:
   * every message to it is dropped until the returned handle is closed. Its keys stay served.
   */
  AutoCloseable authStopsAnswering() {
    Handler<DeliveryContext<Object>> deaf = context -> {
      if (!AuthDirectory.ADDRESS.equals(context.message().address())) {
        context.next();
      }
    };
    vertx.eventBus().addOutboundInterceptor(deaf);
    return () -> vertx.eventBus().removeOutboundInterceptor(deaf);
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
    auth.close();
    vertx.close().await();
    TestDatabase.drop(databaseUrl);
  }
}
