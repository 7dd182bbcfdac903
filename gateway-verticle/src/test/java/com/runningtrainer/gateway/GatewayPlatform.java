package com.runningtrainer.gateway;

import com.runningtrainer.auth.AuthVerticle;
import com.runningtrainer.common.VertxFactory;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.service.ServiceDeployer;
import com.runningtrainer.testsupport.TestDatabase;
import com.runningtrainer.testsupport.TestHttp;
import com.runningtrainer.testsupport.TestPorts;
import com.runningtrainer.testsupport.TestRedis;
import com.runningtrainer.trainer.TrainerVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The real auth service, optionally the real trainer service, and the gateway in front of them,
 * on one Vert.x over a database of the test class's own: requests go to the gateway over HTTP
 * and on over the local event bus, unless the settings say otherwise.
 */
final class GatewayPlatform implements AutoCloseable {

  final Vertx vertx;
  final Config config;
  final String databaseUrl;
  final TestHttp gateway;
  final TestHttp auth;
  final int gatewayPort;

  private GatewayPlatform(Vertx vertx, Config config, String databaseUrl, int gatewayPort) {
    this.vertx = vertx;
    this.config = config;
    this.databaseUrl = databaseUrl;
    this.gatewayPort = gatewayPort;
    this.gateway = new TestHttp(vertx, gatewayPort);
    this.auth = new TestHttp(vertx, config.integer("AUTH_PORT", 0));
  }

  static GatewayPlatform start(Class<?> testClass) {
    return start(testClass, Map.of(), true);
  }

  /**
   * @param overrides settings beside the fixture's, e.g. the gateway's limits or upstreams
   * @param withTrainer whether the trainer service runs at all
   */
  static GatewayPlatform start(Class<?> testClass, Map<String, String> overrides, boolean withTrainer) {
    String databaseUrl = TestDatabase.create(testClass);
    int authPort = TestPorts.free();
    int gatewayPort = TestPorts.free();
    Map<String, String> settings = new HashMap<>(Map.of(
        "DATABASE_URL", databaseUrl,
        "DATABASE_POOL_SIZE", "4",
        "REDIS_URL", TestRedis.url(),
        "REDIS_PREFIX", TestRedis.keyPrefix(testClass),
        "AUTH_PORT", String.valueOf(authPort),
        "TRAINER_PORT", String.valueOf(TestPorts.free()),
        "GATEWAY_PORT", String.valueOf(gatewayPort),
        "AUTH_JWKS_URL", "http://127.0.0.1:" + authPort + "/api/v1/auth/jwks.json",
        // What the launcher gives from its catalog.
        "GATEWAY_SERVICES", "auth,trainer"));
    // Every test user registers and logs in from this one address: only the limits under test may bite.
    settings.putAll(Map.of("LOGIN_LIMIT_PER_IP", "10000", "REGISTER_LIMIT_PER_IP", "10000", "RATE_LIMIT_AUTH", "10000",
        "RATE_LIMIT_PER_IP", "10000", "RATE_LIMIT_PER_USER", "10000"));
    settings.putAll(overrides);
    Config config = Config.of(settings);
    Vertx vertx = VertxFactory.create();
    try {
      ServiceDeployer.deploy(vertx, config, AuthVerticle.DESCRIPTOR).await();
      if (withTrainer) {
        ServiceDeployer.deploy(vertx, config, TrainerVerticle.DESCRIPTOR).await();
      }
      vertx.deployVerticle(new GatewayVerticle(config)).await();
    } catch (RuntimeException e) {
      vertx.close().await();
      TestDatabase.drop(databaseUrl);
      throw e;
    }
    return new GatewayPlatform(vertx, config, databaseUrl, gatewayPort);
  }

  /** Another gateway beside the fixture's, on the same services, with these settings changed; its client. */
  TestHttp gateway(Map<String, String> overrides) {
    return gateway(overrides, null);
  }

  /** @param localAddress the loopback address its requests come from, e.g. {@code 127.0.0.9}; null for any */
  TestHttp gateway(Map<String, String> overrides, String localAddress) {
    int port = TestPorts.free();
    Map<String, String> changed = new HashMap<>(overrides);
    changed.put("GATEWAY_PORT", String.valueOf(port));
    vertx.deployVerticle(new GatewayVerticle(config.with(changed))).await();
    return new TestHttp(vertx, port, localAddress);
  }

  /** Registers a new user and logs them in, straight at auth; their bearer token. */
  String newUser() {
    String email = "runner-" + UUID.randomUUID() + "@example.com";
    JsonObject credentials = new JsonObject().put("email", email).put("password", "correct horse battery");
    auth.post("/api/v1/auth/register", null, credentials);
    return auth.post("/api/v1/auth/login", null, credentials).bodyAsJsonObject().getString("access_token");
  }

  static JsonObject plan() {
    return new JsonObject().put("name", "Spring 10k").put("start_date", "2027-03-01").put("end_date", "2027-05-31");
  }

  @Override
  public void close() {
    vertx.close().await();
    TestDatabase.drop(databaseUrl);
  }
}
