package com.runningtrainer.launcher;

import com.runningtrainer.auth.AuthVerticle;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.gateway.GatewayVerticle;
import com.runningtrainer.trainer.TrainerVerticle;
import io.vertx.core.Deployable;
import java.util.List;
import java.util.function.Function;

/** The services this jar can run, in the order they are started by default. */
final class ServiceCatalog {

  /**
   * One service: how to build its verticle from the configuration, the port it serves on, and
   * whether it keeps data in PostgreSQL (the gateway does not).
   */
  record Service(String name, int defaultPort, Function<Config, Deployable> verticle, boolean needsDatabase) {

    int port(Config config) {
      return Settings.port(config, name, defaultPort);
    }
  }

  static final List<Service> ALL = List.of(
      new Service(TrainerVerticle.NAME, TrainerVerticle.DEFAULT_PORT, TrainerVerticle::new, true),
      new Service(AuthVerticle.NAME, AuthVerticle.DEFAULT_PORT, AuthVerticle::new, true),
      // Last: it fronts the others, and its first request should find them up.
      new Service(GatewayVerticle.NAME, GatewayVerticle.DEFAULT_PORT, GatewayVerticle::new, false));

  private ServiceCatalog() {
  }

  static List<String> names() {
    return ALL.stream().map(Service::name).toList();
  }

  /** The services of these names, which {@link LaunchOptions} has already checked. */
  static List<Service> named(List<String> names) {
    return names.stream()
        .map(name -> ALL.stream().filter(service -> service.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown service " + name)))
        .toList();
  }
}
