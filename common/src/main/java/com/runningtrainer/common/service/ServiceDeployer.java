package com.runningtrainer.common.service;

import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.common.db.Database;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a service in this process, the one way the launcher and the tests do: its schema migrated
 * once, then its background verticle (one instance), then its API verticle on every event loop.
 * What must happen once per process therefore happens once, whatever {@code <NAME>_INSTANCES}.
 */
public final class ServiceDeployer {

  private ServiceDeployer() {
  }

  /** A service running in this process: undeploying ends it, API first, as a stop would. */
  public record Deployed(Vertx vertx, List<String> deploymentIds) {

    public Future<Void> undeploy() {
      return lastFirst(deploymentIds, vertx::undeploy);
    }
  }

  /**
   * Stops the services of a process, then its Vert.x: each service undeployed in turn, the last
   * deployed first (the gateway before what it forwards to), so that each stops taking requests,
   * finishes those it took, then closes its pools; only then is Vert.x closed. Closing Vert.x
   * alone would not do: it undeploys the verticles and closes the clients they use (a pool's
   * connector among them) at the same time, failing the requests still in flight.
   *
   * @param deployments in the order they were begun; one that is still starting is waited for,
   *     one that failed is skipped
   */
  public static Future<Void> undeployThenClose(Vertx vertx, List<Future<Deployed>> deployments) {
    Future<Void> undeployed = lastFirst(deployments, deployment -> deployment.transform(started -> started.succeeded()
        ? started.result().undeploy()
        : Future.succeededFuture()));
    return undeployed.transform(done -> vertx.close().compose(closed -> done.succeeded()
        ? Future.succeededFuture()
        : Future.failedFuture(done.cause())));
  }

  /**
   * Each step in turn, from the last item to the first, each once the one before has ended,
   * however it ended; the last step's outcome.
   */
  private static <T> Future<Void> lastFirst(List<T> items, Function<T, Future<Void>> step) {
    List<T> reversed = new ArrayList<>(items);
    Collections.reverse(reversed);
    Future<Void> done = Future.succeededFuture();
    for (T item : reversed) {
      done = done.transform(previous -> step.apply(item));
    }
    return done;
  }

  public static Future<Deployed> deploy(Vertx vertx, Config config, ServiceDescriptor service) {
    Future<Void> migrated = service.needsDatabase()
        ? Database.migrate(vertx, Settings.from(config).databaseUrl(), service.name())
        : Future.succeededFuture();
    List<String> ids = new ArrayList<>();
    return migrated
        .compose(ready -> service.background()
            .map(background -> vertx.deployVerticle(() -> background.apply(config), new DeploymentOptions()))
            .orElse(Future.succeededFuture(null)))
        .compose(backgroundId -> {
          if (backgroundId != null) {
            ids.add(backgroundId);
          }
          DeploymentOptions instances = new DeploymentOptions().setInstances(Settings.instances(config, service.name()));
          return vertx.deployVerticle(() -> service.api().apply(config), instances);
        })
        .map(apiId -> {
          ids.add(apiId);
          return new Deployed(vertx, List.copyOf(ids));
        })
        // A start that fails part way leaves nothing of the service running.
        .recover(failure -> new Deployed(vertx, List.copyOf(ids)).undeploy()
            .transform(undeployed -> Future.failedFuture(failure)));
  }
}
