package com.runningtrainer.launcher;

import com.runningtrainer.common.VertxFactory;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.service.ServiceDeployer;
import com.runningtrainer.common.service.ServiceDescriptor;
import com.runningtrainer.common.tracing.Tracing;
import com.runningtrainer.common.tracing.TracingSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the jar: the backing servers, then one Vert.x instance with the chosen services on
 * its event bus, local to this JVM or, with {@code --cluster}, spanning the JVMs of the cluster.
 * Everything started is added to the shutdown sequence as it starts, so that a failure part way,
 * or a signal, stops exactly that.
 */
final class Application {

  private static final Logger LOG = LoggerFactory.getLogger(Application.class);

  /**
   * Longer than the services' graceful stops (10 s each, one after the other, though a service
   * with nothing in flight stops at once), plus the time a clustered node may take to leave (see
   * {@link ClusterSettings}).
   */
  private static final Duration VERTX_STOP_TIMEOUT = Duration.ofSeconds(35);

  /** Long enough to send the last batch of spans to a collector that answers. */
  private static final Duration TRACING_STOP_TIMEOUT = Duration.ofSeconds(5);

  private final Config config;
  private final List<ServiceDescriptor> services;
  private final boolean clustered;
  private final ShutdownSequence shutdown;

  Application(Config config, List<ServiceDescriptor> services, boolean clustered, ShutdownSequence shutdown) {
    this.config = config;
    this.services = List.copyOf(services);
    this.clustered = clustered;
    this.shutdown = shutdown;
  }

  /**
   * Starts the backing servers (blocking: they are processes) and Vert.x, and begins deploying
   * the services.
   *
   * @return the Vert.x the services run on, once every service is serving; fails with the first
   *     service that could not start
   */
  Future<Vertx> start() {
    boolean needsDatabase = services.stream().anyMatch(ServiceDescriptor::needsDatabase);
    Config serviceConfig = ServiceCatalog.withGatewayDefaults(clustered
        ? BackingServers.requireGiven(config, needsDatabase)
        : BackingServers.provide(config, needsDatabase, shutdown));
    return vertx().compose(vertx -> {
      // The gateway last, once the services it fronts are up: its first request must find them.
      List<Future<ServiceDeployer.Deployed>> deployments = new CopyOnWriteArrayList<>(services.stream()
          .filter(service -> !ServiceCatalog.isGateway(service))
          .map(service -> deploy(vertx, serviceConfig, service)).toList());
      // Each service stops taking requests, finishes those it took and closes its pools before
      // Vert.x closes, the gateway first; a clustered Vert.x then leaves the cluster.
      shutdown.add("the services and Vert.x", VERTX_STOP_TIMEOUT,
          () -> ServiceDeployer.undeployThenClose(vertx, List.copyOf(deployments)).toCompletionStage().toCompletableFuture()
              .get());
      return Future.join(List.copyOf(deployments)).compose(up -> {
        List<Future<ServiceDeployer.Deployed>> gateways = services.stream().filter(ServiceCatalog::isGateway)
            .map(gateway -> deploy(vertx, serviceConfig, gateway)).toList();
        deployments.addAll(gateways);
        return Future.join(gateways);
      }).map(vertx);
    });
  }

  /** The line that says the start is over: every service and where it listens. */
  String readyMessage(long startedNanos) {
    String where = services.stream()
        .map(service -> service.name() + " on port " + service.port(config))
        .collect(Collectors.joining(", "));
    return "running-trainer ready in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos) + " ms"
        + (clustered ? " in cluster '" + ClusterSettings.from(config).name() + "'" : "") + ": " + where;
  }

  private Future<Vertx> vertx() {
    Tracing tracing = Tracing.start(TracingSettings.from(config, serviceName()));
    // Added before Vert.x, so stopped after it: the spans of the last requests are sent too.
    shutdown.add("tracing", TRACING_STOP_TIMEOUT,
        () -> tracing.shutdown().join(TRACING_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    if (!clustered) {
      return Future.succeededFuture(VertxFactory.create(tracing));
    }
    ClusterSettings cluster = ClusterSettings.from(config);
    LOG.info("joining {}", cluster.describe());
    HazelcastClusterManager manager = new HazelcastClusterManager(cluster.hazelcastConfig());
    return VertxFactory.createClustered(manager, cluster.eventBusOptions(), tracing)
        .onSuccess(joined -> LOG.info("joined cluster '{}' as node {}: {} node(s) now", cluster.name(), manager.getNodeId(),
            manager.getNodes().size()))
        .recover(cause -> Future.failedFuture(new StartupFailure("cannot join " + cluster.describe() + ": " + describe(cause),
            cause)));
  }

  /** The traces' {@code service.name} unless OTEL_SERVICE_NAME says: the one service run here, or the platform. */
  private String serviceName() {
    return services.size() == 1 ? services.get(0).name() : config.string("APP_NAME", "running-trainer");
  }

  private static Future<ServiceDeployer.Deployed> deploy(Vertx vertx, Config config, ServiceDescriptor service) {
    return ServiceDeployer.deploy(vertx, config, service)
        .recover(cause -> Future.failedFuture(new StartupFailure(
            "service " + service.name() + " (port " + service.port(config) + ") did not start: " + describe(cause), cause)));
  }

  /** The first line only: Flyway's messages run to a dozen lines; the whole is in the stack trace. */
  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getName() : message.strip().lines().findFirst().orElseThrow();
  }
}
