package com.runningtrainer.trainer;

import com.runningtrainer.auth.AuthVerticle;
import com.runningtrainer.common.VertxFactory;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.testsupport.TestDatabase;
import com.runningtrainer.testsupport.TestHttp;
import com.runningtrainer.testsupport.TestPorts;
import com.runningtrainer.testsupport.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
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

  private TrainerPlatform(Vertx vertx, Config config, String databaseUrl, TestHttp trainer, TestHttp auth) {
    this.vertx = vertx;
    this.config = config;
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
    try {
      vertx.deployVerticle(new AuthVerticle(config)).await();
      vertx.deployVerticle(new TrainerVerticle(config.with(trainerOverrides))).await();
    } catch (RuntimeException e) {
      // @AfterAll has no platform to close when the start fails: leave no database behind.
      vertx.close().await();
      TestDatabase.drop(databaseUrl);
      throw e;
    }
    return new TrainerPlatform(vertx, config, databaseUrl, new TestHttp(vertx, trainerPort), new TestHttp(vertx, authPort));
  }

  /** Registers a new user and logs them in; their bearer token. */
  String newUser() {
    String email = "runner-" + UUID.randomUUID() + "@example.com";
    JsonObject credentials = new JsonObject().put("email", email).put("password", "correct horse battery");
    auth.post("/api/v1/auth/register", null, credentials);
    return auth.post("/api/v1/auth/login", null, credentials).bodyAsJsonObject().getString("access_token");
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
