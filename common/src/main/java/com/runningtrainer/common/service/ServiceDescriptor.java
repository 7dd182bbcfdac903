package com.runningtrainer.common.service;

import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.config.Settings;
import io.vertx.core.Deployable;
import java.util.Optional;
import java.util.function.Function;

/**
 * What it takes to run one service in a process: its name and port, whether it keeps data in
 * PostgreSQL (its schema is then migrated once per process before anything is deployed), the
 * API verticle deployed once per event loop, and the background verticle deployed once.
 *
 * @param api the verticle serving HTTP and {@code <name>.api}; {@code <NAME>_INSTANCES} of them
 * @param background the verticle of event consumers, reconcilers and schedules; one per process,
 *     or none
 */
public record ServiceDescriptor(String name, int defaultPort, boolean needsDatabase,
    Function<Config, Deployable> api, Optional<Function<Config, Deployable>> background) {

  /** A service that keeps a schema of its own and has work to do in the background. */
  public static ServiceDescriptor withBackground(String name, int defaultPort, Function<Config, Deployable> api,
      Function<Config, Deployable> background) {
    return new ServiceDescriptor(name, defaultPort, true, api, Optional.of(background));
  }

  /** A service that keeps a schema of its own and does everything in its API verticles. */
  public static ServiceDescriptor withoutBackground(String name, int defaultPort, Function<Config, Deployable> api) {
    return new ServiceDescriptor(name, defaultPort, true, api, Optional.empty());
  }

  /** A service with no database and nothing in the background, such as the gateway. */
  public static ServiceDescriptor stateless(String name, int defaultPort, Function<Config, Deployable> api) {
    return new ServiceDescriptor(name, defaultPort, false, api, Optional.empty());
  }

  /** The port it serves on: {@code <NAME>_PORT}, else its port in the architecture. */
  public int port(Config config) {
    return Settings.port(config, name, defaultPort);
  }
}
