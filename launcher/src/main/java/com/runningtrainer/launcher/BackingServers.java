package com.runningtrainer.launcher;

import com.runningtrainer.common.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL and Redis servers of the services: those that {@code DATABASE_URL} and
 * {@code REDIS_URL} name, else embedded ones started here under {@code RT_DATA_DIR} (default
 * {@code ./data}). The services then run the same code paths either way; only where the servers
 * come from differs. A {@code --cluster} node never starts embedded servers.
 */
final class BackingServers {

  private static final Logger LOG = LoggerFactory.getLogger(BackingServers.class);
  private static final Duration POSTGRES_STOP_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration REDIS_STOP_TIMEOUT = Duration.ofSeconds(12);

  private BackingServers() {
  }

  /**
   * Starts the embedded servers that are needed, adds their stops to {@code shutdown}, and
   * returns the configuration with their URLs for the services.
   *
   * @param needsDatabase false when no service of this JVM has a database (a gateway alone)
   */
  static Config provide(Config config, boolean needsDatabase, ShutdownSequence shutdown) {
    Path dataDirectory = Path.of(config.string("RT_DATA_DIR", "data")).toAbsolutePath().normalize();
    Map<String, String> urls = new HashMap<>();
    if (needsDatabase) {
      postgres(config, dataDirectory, shutdown).ifPresent(url -> urls.put("DATABASE_URL", url));
    }
    redis(config, dataDirectory, shutdown).ifPresent(url -> urls.put("REDIS_URL", url));
    return config.with(urls);
  }

  /**
   * A {@code --cluster} node's servers: only those given. Embedded ones would be private to each
   * node, so every node would keep its own users, plans and revocations; the nodes must share
   * one PostgreSQL and one Redis.
   *
   * @throws StartupFailure naming what is missing
   */
  static Config requireGiven(Config config, boolean needsDatabase) {
    List<String> missing = Stream.of("DATABASE_URL", "REDIS_URL")
        .filter(name -> needsDatabase || !name.equals("DATABASE_URL"))
        .filter(name -> config.find(name).isEmpty()).toList();
    if (!missing.isEmpty()) {
      throw new StartupFailure("--cluster needs " + String.join(" and ", missing) + ": the nodes of a cluster share"
          + " one PostgreSQL and one Redis, so the embedded servers are for the all-in-one mode only");
    }
    LOG.info("using the PostgreSQL of DATABASE_URL {} and the Redis of REDIS_URL {}",
        config.find("DATABASE_URL").map(Urls::maskPassword).orElse("(none needed)"),
        Urls.maskPassword(config.find("REDIS_URL").orElseThrow()));
    return config;
  }

  private static Optional<String> postgres(Config config, Path dataDirectory, ShutdownSequence shutdown) {
    Optional<String> given = config.find("DATABASE_URL");
    if (given.isPresent()) {
      LOG.info("using the PostgreSQL of DATABASE_URL {}", Urls.maskPassword(given.get()));
      return Optional.empty();
    }
    int port = config.integer("EMBEDDED_PG_PORT", 5433);
    Path data = dataDirectory.resolve("postgres");
    Path log = dataDirectory.resolve("postgres.log");
    long started = System.nanoTime();
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, port, log);
    shutdown.add("embedded PostgreSQL", POSTGRES_STOP_TIMEOUT, server::close);
    LOG.info("no DATABASE_URL: embedded PostgreSQL started in {} ms at {} ({} data directory {}, log {})",
        millisSince(started), server.url(), server.initialised() ? "new" : "reused", data, log);
    return Optional.of(server.url());
  }

  private static Optional<String> redis(Config config, Path dataDirectory, ShutdownSequence shutdown) {
    Optional<String> given = config.find("REDIS_URL");
    if (given.isPresent()) {
      LOG.info("using the Redis of REDIS_URL {}", Urls.maskPassword(given.get()));
      return Optional.empty();
    }
    int port = config.integer("EMBEDDED_REDIS_PORT", 6380);
    Path data = dataDirectory.resolve("redis");
    Path log = dataDirectory.resolve("redis.log");
    long started = System.nanoTime();
    EmbeddedRedisServer server = EmbeddedRedisServer.start(data, port, log);
    shutdown.add("embedded Redis", REDIS_STOP_TIMEOUT, server::close);
    LOG.info("no REDIS_URL: embedded Redis started in {} ms at {} (data directory {}, log {})",
        millisSince(started), server.url(), data, log);
    return Optional.of(server.url());
  }

  private static long millisSince(long nanoTime) {
    return (System.nanoTime() - nanoTime) / 1_000_000;
  }
}
