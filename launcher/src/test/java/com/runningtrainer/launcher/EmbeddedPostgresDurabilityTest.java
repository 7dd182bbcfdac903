package com.runningtrainer.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.TestPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The all-in-one mode's PostgreSQL keeps every write it has acknowledged, even when its
 * processes die without a chance to flush (a container killed, the machine's OOM killer).
 */
class EmbeddedPostgresDurabilityTest {

  private static final int ROWS = 300;

  @TempDir
  Path dataDirectory;

  @Test
  void runsWithFsyncSynchronousCommitAndFullPageWritesOn() throws SQLException {
    try (EmbeddedPostgresServer server = start()) {
      try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
        assertThat(setting(statement, "fsync")).isEqualTo("on");
        assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
        assertThat(setting(statement, "full_page_writes")).isEqualTo("on");
      }
    }
  }

  @Test
  void keepsEveryCommittedRowWhenItsProcessesAreKilledHard() throws Exception {
    EmbeddedPostgresServer first = start();
    try (Connection connection = connect(first)) {
      givenATable(connection);
      insertOneByOne(connection, ROWS);
    }

    killEveryPostgresProcess();
    closeQuietly(first);

    try (EmbeddedPostgresServer restarted = start(); Connection connection = connect(restarted);
         Statement statement = connection.createStatement();
         ResultSet count = statement.executeQuery("SELECT count(*) FROM acknowledged")) {
      count.next();
      assertThat(count.getInt(1)).isEqualTo(ROWS);
    }
  }

  private EmbeddedPostgresServer start() {
    return EmbeddedPostgresServer.start(dataDirectory.resolve("postgres"), TestPorts.free(),
        dataDirectory.resolve("postgres.log"));
  }

  private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
    return DriverManager.getConnection("jdbc:" + server.url().replace("postgres@", ""), "postgres", "");
  }

  private static void givenATable(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE acknowledged (n int PRIMARY KEY)");
    }
  }

  /** Each row its own transaction, committed (autocommit) before the next: each an acknowledged write. */
  private static void insertOneByOne(Connection connection, int rows) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO acknowledged VALUES (?)")) {
      for (int n = 0; n < rows; n++) {
        insert.setInt(1, n);
        insert.executeUpdate();
      }
    }
  }

  /**
   * SIGKILL to the postmaster and every child it has, at once, as a container kill does: none
   * gets to write what it still holds in shared memory (the WAL buffers).
   */
  private void killEveryPostgresProcess() throws IOException {
    long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postgres/postmaster.pid")).get(0).trim());
    ProcessHandle handle = ProcessHandle.of(postmaster).orElseThrow();
    List<ProcessHandle> children = handle.descendants().toList();
    handle.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    handle.onExit().join();
  }

  private static String setting(Statement statement, String name) throws SQLException {
    try (ResultSet value = statement.executeQuery("SHOW " + name)) {
      value.next();
      return value.getString(1);
    }
  }

  /** The first server's processes are gone; closing it only releases zonky's lock on the directory. */
  private static void closeQuietly(EmbeddedPostgresServer server) {
    try {
      server.close();
    } catch (RuntimeException alreadyDead) {
      // pg_ctl finds no server to stop: that is the point of the test
    }
  }
}
