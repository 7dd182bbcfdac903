package com.runningtrainer.testsupport;

import io.vertx.pgclient.PgConnectOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server of a test run, found in this order: {@code TEST_DATABASE_URL}; a
 * Testcontainers container when a Docker engine is found; an embedded server. Each test class
 * gets a database of its own on it.
 */
public final class TestDatabase {

  private static String serverUrl;

  private TestDatabase() {
  }

  /** A new, empty database for one test class; its URL in {@code postgresql://} form. */
  public static String create(Class<?> testClass) {
    String name = ("rt_" + testClass.getSimpleName() + "_" + UUID.randomUUID().toString().substring(0, 8))
        .toLowerCase(Locale.ROOT);
    PgConnectOptions server = PgConnectOptions.fromUri(server());
    try (Connection connection = jdbc(server, server.getDatabase()); Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return url(server, name);
  }

  /** Drops a database made by {@link #create}, ending its sessions. */
  public static void drop(String databaseUrl) {
    PgConnectOptions database = PgConnectOptions.fromUri(databaseUrl);
    PgConnectOptions server = PgConnectOptions.fromUri(server());
    try (Connection connection = jdbc(server, server.getDatabase()); Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database.getDatabase() + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test database " + database.getDatabase(), e);
    }
  }

  static synchronized String server() {
    if (serverUrl == null) {
      serverUrl = find();
    }
    return serverUrl;
  }

  private static String find() {
    String given = System.getenv("TEST_DATABASE_URL");
    if (given != null && !given.isBlank()) {
      return given;
    }
    if (DockerAvailability.found()) {
      PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
      container.start();
      return "postgresql://" + container.getUsername() + ":" + container.getPassword() + "@" + container.getHost() + ":"
          + container.getMappedPort(5432) + "/" + container.getDatabaseName();
    }
    try {
      // zonky's fast defaults (fsync and synchronous_commit off) on purpose: a test database is
      // thrown away, unlike the launcher's EmbeddedPostgresServer, which runs durable.
      EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(embedded)));
      return "postgresql://postgres@127.0.0.1:" + embedded.getPort() + "/postgres";
    } catch (IOException e) {
      throw new IllegalStateException("no PostgreSQL: set TEST_DATABASE_URL, or run Docker", e);
    }
  }

  private static Connection jdbc(PgConnectOptions server, String database) throws SQLException {
    String url = "jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/" + database;
    return DriverManager.getConnection(url, server.getUser(), server.getPassword());
  }

  private static String url(PgConnectOptions server, String database) {
    String credentials = server.getPassword() == null || server.getPassword().isEmpty()
        ? server.getUser()
        : server.getUser() + ":" + server.getPassword();
    return "postgresql://" + credentials + "@" + server.getHost() + ":" + server.getPort() + "/" + database;
  }

  private static void closeQuietly(EmbeddedPostgres embedded) {
    try {
      embedded.close();
    } catch (IOException ignored) {
      // the JVM is ending; nothing is left to clean
    }
  }

  /** Whether a Docker engine answers; asked once per test run. */
  static final class DockerAvailability {
    private static Boolean found;

    static synchronized boolean found() {
      if (found == null) {
        try {
          found = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
          found = false;
        }
      }
      return found;
    }
  }
}
