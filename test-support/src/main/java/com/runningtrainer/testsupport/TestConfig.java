package com.runningtrainer.testsupport;

import com.runningtrainer.common.config.Config;
import java.util.Map;

/**
 * The configuration every service test starts from: a new database of the test class's own, the
 * test run's Redis under a key prefix of the class's own, a free port per service, auth's JWKS
 * at auth's port, and limits no test reaches unless it sets its own. A fixture adds what only its
 * services need with {@link Config#with}; {@link #databaseUrl} names the database to drop.
 */
public final class TestConfig {

  // Every test user registers and logs in from this one address and, in many classes, by the
  // dozen: only the limits a test sets itself may bite.
  private static final Map<String, String> LIMITS_NO_TEST_REACHES = Map.of(
      "LOGIN_LIMIT_PER_ACCOUNT", "10000",
      "LOGIN_LIMIT_PER_IP", "10000",
      "REGISTER_LIMIT_PER_ACCOUNT", "10000",
      "REGISTER_LIMIT_PER_IP", "10000",
      "RESET_LIMIT_PER_ACCOUNT", "10000",
      "RESET_LIMIT_PER_IP", "10000");

  private TestConfig() {
  }

  /** Creates the class's database; the configuration that points every service at it. */
  public static Config create(Class<?> testClass) {
    int authPort = TestPorts.free();
    return Config.of(Map.of(
            "DATABASE_URL", TestDatabase.create(testClass),
            "DATABASE_POOL_SIZE", "4",
            "REDIS_URL", TestRedis.url(),
            "REDIS_PREFIX", TestRedis.keyPrefix(testClass),
            // Generous: a slow machine must not let a hit through uncounted while a test counts.
            "RATE_LIMIT_TIMEOUT_MS", "5000",
            "REQUEST_TIMEOUT_MS", "5000",
            "AUTH_PORT", String.valueOf(authPort),
            "TRAINER_PORT", String.valueOf(TestPorts.free()),
            "GATEWAY_PORT", String.valueOf(TestPorts.free()),
            "AUTH_JWKS_URL", "http://127.0.0.1:" + authPort + "/api/v1/auth/jwks.json"))
        .with(LIMITS_NO_TEST_REACHES)
        .with(Map.of(
            "PDF_PORT", String.valueOf(TestPorts.free()),
            "STRAVA_PORT", String.valueOf(TestPorts.free()),
            // Test clients keep their connections open: a drain would wait its whole period at every stop.
            "SHUTDOWN_DRAIN_MS", "0"));
  }

  /** The database {@link #create} made, for {@link TestDatabase#drop}. */
  public static String databaseUrl(Config config) {
    return config.find("DATABASE_URL").orElseThrow();
  }
}
