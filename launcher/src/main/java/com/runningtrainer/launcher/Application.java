package com.runningtrainer.launcher;

import com.runningtrainer.common.VertxFactory;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.launcher.ServiceCatalog.Service;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One run of the jar in the all-in-one mode: the backing servers, then one Vert.x instance with
 * the chosen services on its local event bus. Everything started is added to the shutdown
 * sequence as it starts, so that a failure part way, or a signal, stops exactly that.
 */
final class Application {

  /** Longer than a service's own graceful HTTP shutdown (10 s), so that it can finish. */
  private static final Duration VERTX_STOP_TIMEOUT = Duration.ofSeconds(20);

  private final Config config;
  private final List<Service> services;
  private final ShutdownSequence shutdown;

  Application(Config config, List<Service> services, ShutdownSequence shutdown) {
    this.config = config;
    this.services = List.copyOf(services);
    this.shutdown = shutdown;
  }

  /**
   * Starts the backing servers (blocking: they are processes) and Vert.x, and begins deploying
   * the services.
   *
   * @return completes when every service is serving; fails with the first service that could not start
   */
  Future<Void> start() {
    Config serviceConfig = BackingServers.provide(config, shutdown);
    Vertx vertx = VertxFactory.create();
    // Closing Vert.x undeploys the services: their stop() lets requests finish, then closes pools.
    shutdown.add("Vert.x and the services", VERTX_STOP_TIMEOUT,
        () -> vertx.close().toCompletionStage().toCompletableFuture().get());
    List<Future<String>> deployments = services.stream().map(service -> deploy(vertx, serviceConfig, service)).toList();
    return Future.join(deployments).mapEmpty();
  }

  /** The line that says the start is over: every service and where it listens. */
  String readyMessage(long startedNanos) {
    String where = services.stream()
        .map(service -> service.name() + " on port " + service.port(config))
        .collect(Collectors.joining(", "));
    return "running-trainer ready in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos) + " ms: " + where;
  }

  private static Future<String> deploy(Vertx vertx, Config config, Service service) {
    DeploymentOptions options = new DeploymentOptions().setInstances(Settings.instances(config, service.name()));
    return vertx.deployVerticle(() -> service.verticle().apply(config), options)
        .recover(cause -> Future.failedFuture(new StartupFailure(
            "service " + service.name() + " (port " + service.port(config) + ") did not start: " + describe(cause), cause)));
  }

  /** The first line only: Flyway's messages run to a dozen lines; the whole is in the stack trace. */
  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getName() : message.strip().lines().findFirst().orElseThrow();
  }
}
