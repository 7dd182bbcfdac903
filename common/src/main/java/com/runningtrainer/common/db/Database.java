package com.runningtrainer.common.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's own schema in PostgreSQL: migrated by Flyway from
 * {@code db/migration/<schema>} on the classpath, then reached through pools whose
 * connections see only that schema.
 */
public final class Database {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private static final int CONNECT_TIMEOUT_MS = 3_000;
  private static final int POOL_WAIT_TIMEOUT_MS = 5_000;
  private static final int PREPARED_SQL_LIMIT = 8_192;

  private Database() {
  }

  /** Migrates the schema on a worker thread: Flyway is blocking JDBC. */
  public static Future<Void> migrate(Vertx vertx, String databaseUrl, String schema) {
    return vertx.executeBlocking(() -> {
      PgConnectOptions options = PgConnectOptions.fromUri(databaseUrl);
      var result = Flyway.configure()
          .dataSource(jdbcUrl(options), options.getUser(), options.getPassword())
          .schemas(schema)
          .createSchemas(true)
          .locations("classpath:db/migration/" + schema)
          .load()
          .migrate();
      LOG.info("schema {} of database {} migrated: {} migration(s) applied", schema, options.getDatabase(),
          result.migrationsExecuted);
      return null;
    });
  }

  /**
   * A pool of the verticle that opens it: its connections live on that verticle's event loop,
   * so a query and its answer never cross to another thread (a pool shared by the verticles of
   * every event loop handed half the queries to the other loop and back: bench/README.md,
   * "One pool per verticle").
   */
  public static Pool pool(Vertx vertx, String databaseUrl, String schema, int size) {
    PgConnectOptions connect = PgConnectOptions.fromUri(databaseUrl)
        .setCachePreparedStatements(true)
        // Vert.x leaves statements over 2,048 characters unprepared, parsed again on every request:
        // the plan progress's is 2,800.
        .setPreparedStatementCacheSqlLimit(PREPARED_SQL_LIMIT)
        .setPipeliningLimit(16);
    connect.addProperty("search_path", schema);
    connect.addProperty("application_name", "running-trainer-" + schema);
    PoolOptions pool = new PoolOptions()
        .setMaxSize(size)
        .setName("pg-" + schema)
        .setConnectionTimeout(POOL_WAIT_TIMEOUT_MS)
        .setMaxWaitQueueSize(10_000);
    return PgBuilder.pool()
        .with(pool)
        .with(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS))
        .connectingTo(connect)
        .using(vertx)
        .build();
  }

  static String jdbcUrl(PgConnectOptions options) {
    return "jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
  }
}
