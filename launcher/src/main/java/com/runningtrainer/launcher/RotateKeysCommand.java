package com.runningtrainer.launcher;

import com.runningtrainer.auth.token.KeyRotation;
import com.runningtrainer.common.VertxFactory;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.config.Settings;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code --rotate-keys}: adds a signing key to the auth schema of the configured database (the
 * embedded one when {@code DATABASE_URL} is unset) and exits. Running auth instances publish
 * the key within {@code KEY_RELOAD_SECONDS} and sign with it after twice that.
 */
final class RotateKeysCommand {

  private static final long TIMEOUT_SECONDS = 60;

  private RotateKeysCommand() {
  }

  /** The new key's id. */
  static String run(Config config, ShutdownSequence shutdown) throws Exception {
    Config withServers = BackingServers.provide(config, shutdown);
    Vertx vertx = VertxFactory.create();
    shutdown.add("Vert.x", Duration.ofSeconds(10), () -> vertx.close().toCompletionStage().toCompletableFuture().get());
    return KeyRotation.rotate(vertx, Settings.from(withServers)).await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
