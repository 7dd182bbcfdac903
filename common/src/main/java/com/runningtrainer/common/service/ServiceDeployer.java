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
      List<String> apiFirst = new ArrayList<>(deploymentIds);
      Collections.reverse(apiFirst);
      Future<Void> undeployed = Future.succeededFuture();
      for (String id : apiFirst) {
        undeployed = undeployed.compose(previous -> vertx.undeploy(id));
      }
      return undeployed;
    }
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
        });
  }
}
