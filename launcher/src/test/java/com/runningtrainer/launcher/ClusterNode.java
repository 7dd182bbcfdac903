package com.runningtrainer.launcher;

import com.runningtrainer.common.config.Config;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One {@code --cluster} node in this JVM, started and stopped as the launcher does it. */
final class ClusterNode implements AutoCloseable {

  private static final long START_TIMEOUT_SECONDS = 60;

  final Vertx vertx;
  private final ShutdownSequence shutdown;

  private ClusterNode(Vertx vertx, ShutdownSequence shutdown) {
    this.vertx = vertx;
    this.shutdown = shutdown;
  }

  static ClusterNode start(Config config, String... services) {
    ShutdownSequence shutdown = new ShutdownSequence();
    Application application = new Application(config, ServiceCatalog.named(List.of(services)), true, shutdown);
    try {
      return new ClusterNode(application.start().await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS), shutdown);
    } catch (Exception e) {
      shutdown.run();
      throw new IllegalStateException("cluster node of " + String.join(",", services) + " did not start", e);
    }
  }

  /** What SIGTERM does: the services drain, then the node leaves the cluster. */
  @Override
  public void close() {
    shutdown.run();
  }
}
