package com.runningtrainer.gateway;

import com.runningtrainer.auth.AuthVerticle;
import com.runningtrainer.auth.admin.AdminBootstrap;
import com.runningtrainer.common.VertxFactory;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.common.service.ServiceDeployer;
import com.runningtrainer.common.tracing.Tracing;
import com.runningtrainer.pdf.PdfVerticle;
import com.runningtrainer.strava.StravaVerticle;
import com.runningtrainer.testsupport.TestAccounts;
import com.runningtrainer.testsupport.TestConfig;
import com.runningtrainer.testsupport.TestDatabase;
import com.runningtrainer.testsupport.TestHttp;
import com.runningtrainer.testsupport.TestPorts;
import com.runningtrainer.trainer.TrainerVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

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
  private final TestAccounts accounts;

  private GatewayPlatform(Vertx vertx, Config config, String databaseUrl, int gatewayPort) {
    this.vertx = vertx;
    this.config = config;
    this.databaseUrl = databaseUrl;
    this.gatewayPort = gatewayPort;
    this.gateway = new TestHttp(vertx, gatewayPort);
    this.auth = new TestHttp(vertx, config.integer("AUTH_PORT", 0));
    this.accounts = new TestAccounts(auth);
  }

  static GatewayPlatform start(Class<?> testClass) {
    return start(testClass, Map.of(), true);
  }

  /**
   * @param overrides settings beside the fixture's, e.g. the gateway's limits or upstreams
   * @param withTrainer whether the trainer service runs at all
   */
  static GatewayPlatform start(Class<?> testClass, Map<String, String> overrides, boolean withTrainer) {
    return start(testClass, overrides, withTrainer, false);
  }

  /**
   * @param withPdf whether the pdf service runs too (then GATEWAY_SERVICES must name it), its
   *     files in {@code PDF_DIR}
   */
  static GatewayPlatform start(Class<?> testClass, Map<String, String> overrides, boolean withTrainer, boolean withPdf) {
    return start(testClass, overrides, withTrainer, withPdf, false);
  }

  /** @param withStrava whether the strava service runs too (then GATEWAY_SERVICES must name it) */
  static GatewayPlatform start(Class<?> testClass, Map<String, String> overrides, boolean withTrainer, boolean withPdf,
      boolean withStrava) {
    return start(testClass, overrides, withTrainer, withPdf, withStrava, Tracing.idsOnly());
  }

  /** Auth, trainer and pdf behind the gateway, on a Vert.x that traces with {@code tracing}. */
  static GatewayPlatform startTraced(Class<?> testClass, Map<String, String> overrides, Tracing tracing) {
    return start(testClass, overrides, true, true, false, tracing);
  }

  private static GatewayPlatform start(Class<?> testClass, Map<String, String> overrides, boolean withTrainer,
      boolean withPdf, boolean withStrava, Tracing tracing) {
    Config base = TestConfig.create(testClass);
    String databaseUrl = TestConfig.databaseUrl(base);
    // Every test request comes from this one address: only the edge limits under test may bite.
    Config config = base
        .with(Map.of("RATE_LIMIT_AUTH", "10000", "RATE_LIMIT_PER_IP", "10000", "RATE_LIMIT_PER_USER", "10000",
            // What the launcher gives from its catalog.
            "GATEWAY_SERVICES", "auth,trainer"))
        .with(overrides);
    int gatewayPort = config.integer("GATEWAY_PORT", 0);
    Vertx vertx = VertxFactory.create(tracing);
    try {
      ServiceDeployer.deploy(vertx, config, AuthVerticle.DESCRIPTOR).await();
      if (withTrainer) {
        ServiceDeployer.deploy(vertx, config, TrainerVerticle.DESCRIPTOR).await();
      }
      if (withPdf) {
        ServiceDeployer.deploy(vertx, config, PdfVerticle.DESCRIPTOR).await();
      }
      if (withStrava) {
        ServiceDeployer.deploy(vertx, config, StravaVerticle.DESCRIPTOR).await();
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
    return accounts.newAccount().token();
  }

  /** Registers a new user at auth, with this email, makes them an admin and logs them in; their bearer token. */
  String newAdmin(String email) {
    accounts.register(email);
    AdminBootstrap.makeAdmin(vertx, Settings.from(config), email).await();
    return accounts.logIn(email);
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
