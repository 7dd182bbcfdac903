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
    try {
      int port = TestPorts.free();
      RedisServer server = new RedisServer(port);
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server)));
      return "redis://127.0.0.1:" + port + "/0";
    } catch (IOException e) {
      throw new IllegalStateException("no Redis: set TEST_REDIS_URL, or run Docker", e);
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
