package com.runningtrainer.auth.token;

import com.runningtrainer.auth.AuthVerticle;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.common.db.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

/**
 * Adds a new signing key to auth's schema. Running auth instances publish it within a reload
 * period, sign with it after two, and keep publishing the old key until its tokens expire.
 */
public final class KeyRotation {

  private KeyRotation() {
  }

  /** The new key's id. */
  public static Future<String> rotate(Vertx vertx, Config config) {
    Settings settings = Settings.from(config);
    return Database.migrate(vertx, settings.databaseUrl(), AuthVerticle.NAME).compose(migrated -> {
      Pool pool = Database.pool(vertx, settings.databaseUrl(), AuthVerticle.NAME, 1);
      return vertx.executeBlocking(() -> KeySeal.from(config))
          .map(seal -> new SigningKeyRepository(vertx, pool, seal))
          .compose(keys -> vertx.executeBlocking(SigningKey::generate).compose(key -> keys.insert(key).map(key.kid())))
          .eventually(pool::close);
    });
  }
}
