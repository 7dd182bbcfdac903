package com.runningtrainer.auth.admin;

import com.runningtrainer.auth.api.AuthCommands;
import com.runningtrainer.auth.token.KeyRotation;
import com.runningtrainer.common.config.Settings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Auth's operator commands on the configured database, run with or without auth running. */
public final class OperatorCommands implements AuthCommands {

  private final Vertx vertx;
  private final Settings settings;

  public OperatorCommands(Vertx vertx, Settings settings) {
    this.vertx = vertx;
    this.settings = settings;
  }

  @Override
  public Future<String> rotateKeys() {
    return KeyRotation.rotate(vertx, settings);
  }

  @Override
  public Future<Void> makeAdmin(String email) {
    return AdminBootstrap.makeAdmin(vertx, settings, email);
  }
}
