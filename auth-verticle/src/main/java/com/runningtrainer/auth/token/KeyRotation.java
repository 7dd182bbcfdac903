package com.runningtrainer.auth.token;

import com.runningtrainer.auth.AuthVerticle;
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
  public static Future<String> rotate(Vertx vertx, Settings settings) {
    return Database.migrate(vertx, settings.databaseUrl(), AuthVerticle.NAME).compose(migrated -> {
      Pool pool = Database.pool(vertx, settings.databaseUrl(), AuthVerticle.NAME, 1);
      return vertx.executeBlocking(SigningKey::generate)
          .compose(key -> new SigningKeyRepository(pool).insert(key).map(key.kid()))
          .eventually(pool::close);
    });
  }
}
