package com.runningtrainer.launcher;

import com.runningtrainer.auth.admin.OperatorCommands;
import com.runningtrainer.auth.api.AuthCommands;
import com.runningtrainer.common.VertxFactory;
import com.runningtrainer.common.config.Config;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The one-off commands an operator runs against auth's schema in the configured database (the
 * embedded one when {@code DATABASE_URL} is unset), while the services run or not.
 */
final class AdminCommands {

  private static final long TIMEOUT_SECONDS = 60;

  private AdminCommands() {
  }

  /**
   * {@code --rotate-keys}: adds a signing key; the new key's id. Running auth instances publish
   * it within {@code KEY_RELOAD_SECONDS} and sign with it after twice that.
   */
  static String rotateKeys(Config config, ShutdownSequence shutdown) throws Exception {
    return run(config, shutdown, AuthCommands::rotateKeys);
  }

  /** {@code --make-admin=EMAIL}: grants the admin role to a registered account. */
  static void makeAdmin(Config config, ShutdownSequence shutdown, String email) throws Exception {
    run(config, shutdown, commands -> commands.makeAdmin(email));
  }

  private static <T> T run(Config config, ShutdownSequence shutdown, Function<AuthCommands, Future<T>> command)
      throws Exception {
    Config withServers = BackingServers.provide(config, true, shutdown);
    Vertx vertx = VertxFactory.create();
    shutdown.add("Vert.x", Duration.ofSeconds(10), () -> vertx.close().toCompletionStage().toCompletableFuture().get());
    AuthCommands commands = new OperatorCommands(vertx, withServers);
    return command.apply(commands).await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
