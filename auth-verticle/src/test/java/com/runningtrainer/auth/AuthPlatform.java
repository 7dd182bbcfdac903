package com.runningtrainer.auth;

import com.runningtrainer.auth.token.KeySeal;
import com.runningtrainer.common.VertxFactory;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.service.ServiceDeployer;
import com.runningtrainer.testsupport.TestAccounts;
import com.runningtrainer.testsupport.TestConfig;
import com.runningtrainer.testsupport.TestDatabase;
import com.runningtrainer.testsupport.TestHttp;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.pgclient.PgConnectOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real auth service on a Vert.x of its own, over a database of the test class's own,
 * reached over HTTP as a client would.
 */
final class AuthPlatform implements AutoCloseable {

  private static final AtomicInteger CLIENTS = new AtomicInteger();

  final Vertx vertx;
  final String databaseUrl;
  final TestHttp http;
  private final TestAccounts accounts;
  private final Config config;
  private ServiceDeployer.Deployed deployed;

  private AuthPlatform(Vertx vertx, String databaseUrl, Config config, TestHttp http, ServiceDeployer.Deployed deployed) {
    this.vertx = vertx;
    this.databaseUrl = databaseUrl;
    this.config = config;
    this.http = http;
    this.accounts = new TestAccounts(http);
    this.deployed = deployed;
  }

  /** The tests' {@code SIGNING_KEY_SECRET}: base64 of 32 bytes. */
  static final String TEST_SIGNING_KEY_SECRET = "dGVzdHMgb25seTogc2VhbHMgc2lnbmluZyBrZXlzISE=";

  static AuthPlatform start(Class<?> testClass) {
    return start(testClass, Map.of());
  }

  /** @param overrides settings that win over the fixture's, e.g. small throttling limits or an unreachable REDIS_URL */
  static AuthPlatform start(Class<?> testClass, Map<String, String> overrides) {
    Config base = TestConfig.create(testClass);
    String databaseUrl = TestConfig.databaseUrl(base);
    int authPort = base.integer("AUTH_PORT", 0);
    Config config = base.with(Map.of(
        // Providers send the browser back here; no provider is configured unless a test says so.
        "OAUTH_REDIRECT_BASE", "http://127.0.0.1:" + authPort,
        "ARGON2_CONCURRENCY", "2",
        // The secret that seals the signing keys, so that no test writes one into a data directory.
        "SIGNING_KEY_SECRET", TEST_SIGNING_KEY_SECRET)).with(overrides);
    Vertx vertx = VertxFactory.create();
    ServiceDeployer.Deployed deployed;
    try {
      deployed = ServiceDeployer.deploy(vertx, config, AuthVerticle.DESCRIPTOR).await();
    } catch (RuntimeException e) {
      // @AfterAll has no platform to close when the start fails: leave no database behind.
      vertx.close().await();
      TestDatabase.drop(databaseUrl);
      throw e;
    }
    return new AuthPlatform(vertx, databaseUrl, config, new TestHttp(vertx, authPort), deployed);
  }

  /** Stops the service and starts a new one on the same database and port, as a redeploy would. */
  void restart() {
    deployed.undeploy().await();
    if (deployed.deploymentIds().stream().anyMatch(vertx.deploymentIDs()::contains)) {
      throw new IllegalStateException("the auth service did not stop");
    }
    deployed = ServiceDeployer.deploy(vertx, config, AuthVerticle.DESCRIPTOR).await();
  }

  Config config() {
    return config;
  }

  /**
   * A client of its own, connecting from a loopback address no other client of this JVM uses,
   * so that its attempts count against an IP of its own.
   */
  TestHttp newClient() {
    int n = CLIENTS.incrementAndGet();
    return new TestHttp(vertx, http.port(), "127.0." + (n / 250 % 250 + 1) + "." + (n % 250 + 2));
  }

  HttpResponse<Buffer> register(JsonObject registration) {
    return http.post("/api/v1/auth/register", null, registration);
  }

  HttpResponse<Buffer> login(String email, String password) {
    return http.post("/api/v1/auth/login", null, TestAccounts.credentials(email, password));
  }

  /** Logs a registered user in from a device; the whole token answer. */
  JsonObject session(String email, String device) {
    HttpResponse<Buffer> loggedIn = http.request(io.vertx.core.http.HttpMethod.POST, "/api/v1/auth/login", null)
        .putHeader("User-Agent", device).sendJsonObject(TestAccounts.credentials(email, TestAccounts.PASSWORD)).await();
    if (loggedIn.statusCode() != 200) {
      throw new IllegalStateException("cannot log " + email + " in: " + loggedIn.bodyAsString());
    }
    return loggedIn.bodyAsJsonObject();
  }

  HttpResponse<Buffer> refresh(String refreshToken) {
    return http.post("/api/v1/auth/refresh", null, new JsonObject().put("refresh_token", refreshToken));
  }

  HttpResponse<Buffer> me(String token) {
    return http.get("/api/v1/auth/me", token);
  }

  HttpResponse<Buffer> verifyEmail(String mailedToken) {
    return http.post("/api/v1/auth/verify-email", null, new JsonObject().put("token", mailedToken));
  }

  HttpResponse<Buffer> resendVerification(String accessToken) {
    return http.post("/api/v1/auth/resend-verification", accessToken, null);
  }

  HttpResponse<Buffer> requestPasswordReset(String email) {
    return http.post("/api/v1/auth/password-reset", null, new JsonObject().put("email", email));
  }

  HttpResponse<Buffer> confirmPasswordReset(String mailedToken, String password) {
    return http.post("/api/v1/auth/password-reset/confirm", null,
        new JsonObject().put("token", mailedToken).put("password", password));
  }

  HttpResponse<Buffer> changePassword(String accessToken, String current, String password) {
    return http.post("/api/v1/auth/password", accessToken,
        new JsonObject().put("current_password", current).put("password", password));
  }

  HttpResponse<Buffer> changeEmail(String accessToken, String current, String email) {
    return http.post("/api/v1/auth/email", accessToken, new JsonObject().put("current_password", current).put("email", email));
  }

  HttpResponse<Buffer> confirmEmailChange(String mailedToken) {
    return http.post("/api/v1/auth/email/confirm", null, new JsonObject().put("token", mailedToken));
  }

  /**
   * Registers a new user; their {@code id} and {@code email}, read from the database, since the
   * answer to a registration names no account.
   */
  JsonObject newUser(String email) {
    accounts.register(email);
    return accountOf(email);
  }

  /** The stored account of an email: its {@code id} and {@code email}. */
  JsonObject accountOf(String email) {
    return query("SELECT id::text, email FROM auth.users WHERE email = ?", email,
        rows -> new JsonObject().put("id", rows.getString(1)).put("email", rows.getString(2)));
  }

  /** How many accounts have this email: 0 or 1. */
  int accountsWith(String email) {
    return count("SELECT count(*) FROM auth.users WHERE email = ?", email);
  }

  /** Logs a registered user in; their bearer token. */
  String tokenOf(String email) {
    return accounts.logIn(email);
  }

  /** The signing key the service stored in its schema: kid and PKCS#8 PEM of the newest one, opened. */
  StoredKey storedSigningKey() {
    StoredKey stored = sealedSigningKey();
    return new StoredKey(stored.kid(), KeySeal.from(config).open(stored.privateKeyPem()));
  }

  /** The newest signing key as its row holds it: kid and the private key sealed (or in clear). */
  StoredKey sealedSigningKey() {
    return query("SELECT kid, private_key_pem FROM auth.signing_keys ORDER BY created_at DESC LIMIT 1", null,
        rows -> new StoredKey(rows.getString("kid"), rows.getString("private_key_pem")));
  }

  /** Stores the private half of a signing key in clear, as auth did before keys were sealed. */
  void storeInClear(StoredKey key) {
    try (Connection connection = jdbc(); PreparedStatement statement =
        connection.prepareStatement("UPDATE auth.signing_keys SET private_key_pem = ? WHERE kid = ?")) {
      statement.setString(1, key.privateKeyPem());
      statement.setString(2, key.kid());
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts another auth on this database with other settings, as another process would (a Vert.x
   * of its own: a failed start closes what it opened, the shared pool's connections included);
   * the failure of its start, or null.
   */
  Throwable startFailureWith(Map<String, String> overrides) {
    Vertx other = VertxFactory.create();
    try {
      ServiceDeployer.deploy(other, config.with(overrides), AuthVerticle.DESCRIPTOR).await().undeploy().await();
      return null;
    } catch (RuntimeException e) {
      return e;
    } finally {
      other.close().await();
    }
  }

  /** Removes a user's row, as an administrator deleting the account would. */
  void deleteUser(String id) {
    try (Connection connection = jdbc();
        PreparedStatement statement = connection.prepareStatement("DELETE FROM auth.users WHERE id = ?::uuid")) {
      statement.setString(1, id);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many stored refresh-token hashes equal this one. */
  int storedRefreshTokens(byte[] hash) {
    return count("SELECT count(*) FROM auth.refresh_tokens WHERE token_hash = ?", hash);
  }

  /** How many links of this provider identity to an account are stored: 0 or 1. */
  int identityLinks(String provider, String subject) {
    return count("SELECT count(*) FROM auth.oauth_identities WHERE provider = ? AND subject = ?", provider, subject);
  }

  /** How many stored mail-token hashes equal this one. */
  int storedEmailTokens(byte[] hash) {
    return count("SELECT count(*) FROM auth.email_tokens WHERE token_hash = ?", hash);
  }

  /** Lets every mailed token of a user expire, as if its lifetime had passed; how many there were. */
  int expireEmailTokensOf(String email) {
    try (Connection connection = jdbc();
        PreparedStatement statement = connection.prepareStatement("UPDATE auth.email_tokens SET expires_at = now() - interval '1 second' "
            + "WHERE user_id = (SELECT id FROM auth.users WHERE email = ?)")) {
      statement.setString(1, email);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The stored password hash of a user. */
  String passwordHashOf(String email) {
    return query("SELECT password_hash FROM auth.users WHERE email = ?", email, rows -> rows.getString(1));
  }

  private int count(String sql, Object... parameters) {
    try (Connection connection = jdbc(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T query(String sql, String parameter, RowReader<T> reader) {
    try (Connection connection = jdbc(); PreparedStatement statement = connection.prepareStatement(sql)) {
      if (parameter != null) {
        statement.setString(1, parameter);
      }
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("no row for " + sql);
        }
        return reader.read(rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Connection jdbc() throws SQLException {
    PgConnectOptions options = PgConnectOptions.fromUri(databaseUrl);
    String url = "jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
    return DriverManager.getConnection(url, options.getUser(), options.getPassword());
  }

  @Override
  public void close() {
    try {
      vertx.close().await();
    } finally {
      TestDatabase.drop(databaseUrl);
    }
  }

  record StoredKey(String kid, String privateKeyPem) {
  }

  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet rows) throws SQLException;
  }
}
