package com.runningtrainer.testsupport;

import java.io.IOException;
import java.util.UUID;
import org.testcontainers.containers.GenericContainer;
import redis.embedded.RedisServer;

/**
 * The Redis server of a test run, found like {@link TestDatabase}'s: {@code TEST_REDIS_URL}, then
 * Docker, then embedded. Test classes share it and keep apart by key prefix.
 */
public final class TestRedis {

  private static final int START_ATTEMPTS = 5;
  private static final long RETRY_PAUSE_MS = 200;

  private static String url;

  private TestRedis() {
  }

  public static synchronized String url() {
    if (url == null) {
      url = find();
    }
    return url;
  }

  /** A key prefix no other test class uses. */
  public static String keyPrefix(Class<?> testClass) {
    return "test:" + testClass.getSimpleName() + ":" + UUID.randomUUID().toString().substring(0, 8) + ":";
  }

  private static String find() {
    String given = System.getenv("TEST_REDIS_URL");
    if (given != null && !given.isBlank()) {
      return given;
    }
    if (TestDatabase.DockerAvailability.found()) {
      GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
      container.start();
      return "redis://" + container.getHost() + ":" + container.getMappedPort(6379) + "/0";
    }
    int port = TestPorts.free();
    for (int attempt = 1; ; attempt++) {
      try {
        RedisServer server = new RedisServer(port);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server)));
        return "redis://127.0.0.1:" + port + "/0";
      } catch (IOException e) {
        if (attempt == START_ATTEMPTS || !textFileBusy(e)) {
          throw new IllegalStateException("no Redis: set TEST_REDIS_URL, or run Docker", e);
        }
        pause();
      }
    }
  }

  /**
   * The binary Redis is run from was just written, and a process another test class forked at that
   * moment (embedded PostgreSQL's) still held it open for writing: exec fails with ETXTBSY until that
   * process has started. A clean-clone run met it once.
   */
  private static boolean textFileBusy(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().contains("error=26")) {
        return true;
      }
    }
    return false;
  }

  private static void pause() {
    try {
      Thread.sleep(RETRY_PAUSE_MS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting Redis", interrupted);
    }
  }

  private static void stopQuietly(RedisServer server) {
    try {
      server.stop();
    } catch (IOException ignored) {
      // the JVM is ending; nothing is left to clean
    }
  }
}
