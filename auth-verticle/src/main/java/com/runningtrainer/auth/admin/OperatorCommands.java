package com.runningtrainer.auth.admin;

import com.runningtrainer.auth.api.AuthCommands;
import com.runningtrainer.auth.token.KeyRotation;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.config.Settings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Auth's operator commands on the configured database, run with or without auth running. */
public final class OperatorCommands implements AuthCommands {

  private final Vertx vertx;
  private final Config config;

  public OperatorCommands(Vertx vertx, Config config) {
    this.vertx = vertx;
    this.config = config;
  }

  @Override
  public Future<String> rotateKeys() {
    return KeyRotation.rotate(vertx, config);
  }

  @Override
  public Future<Void> makeAdmin(String email) {
    return AdminBootstrap.makeAdmin(vertx, Settings.from(config), email);
  }
}
