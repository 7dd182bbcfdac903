package com.runningtrainer.common.service;

import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.common.db.Database;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shape of every service's background verticle: deployed once per process (by
 * {@link ServiceDeployer}), on the service's migrated schema, it holds what must happen once per
 * process rather than once per event loop: consumers of what other services publish,
 * reconcilers, job workers and schedules. In a cluster each node runs one, so a published event
 * reaches every node's: its handlers must be idempotent.
 */
public abstract class BackgroundVerticle extends VerticleBase {

  private static final int SHUTDOWN_GRACE_SECONDS = 10;

  protected final Config config;
  protected final Settings settings;
  private final String name;
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private Pool pool;

  protected BackgroundVerticle(String name, Config config) {
    this.name = name;
    this.config = config;
    this.settings = Settings.from(config);
  }

  /** Registers the consumers and starts the work, on the service's pool. */
  protected abstract Future<?> begin(Pool pool);

  /** Stops what {@link #begin} started beside the consumers: timers, workers. */
  protected Future<?> release() {
    return Future.succeededFuture();
  }

  /** Consumes what other services publish at {@code address}; off the bus first when stopping. */
  protected void consume(String address, Handler<Message<JsonObject>> handler) {
    consumers.add(vertx.eventBus().consumer(address, handler));
  }

  @Override
  public final Future<?> start() {
    pool = Database.pool(vertx, settings.databaseUrl(), name, Settings.connectionsPerVerticle(config, name));
    return begin(pool);
  }

  @Override
  public final Future<?> stop() {
    Future<?> offBus = Future.join(consumers.stream().map(MessageConsumer::unregister).toList())
        .timeout(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
    return offBus.eventually(this::release).eventually(pool::close);
  }
}
