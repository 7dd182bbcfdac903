package com.runningtrainer.auth.admin;

import com.runningtrainer.auth.AuthVerticle;
import com.runningtrainer.auth.user.UserRepository;
import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.common.db.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.Locale;

/**
 * Makes a registered account an enabled admin from the command line: how the first admin comes
 * to be, since only an admin may grant roles over the API, and the operator's way back in when
 * the admin account was disabled.
 */
public final class AdminBootstrap {

  private AdminBootstrap() {
  }

  public static Future<Void> makeAdmin(Vertx vertx, Settings settings, String email) {
    return Database.migrate(vertx, settings.databaseUrl(), AuthVerticle.NAME).compose(migrated -> {
      Pool pool = Database.pool(vertx, settings.databaseUrl(), AuthVerticle.NAME, 1);
      return new UserRepository(pool).makeAdminByEmail(email.trim().toLowerCase(Locale.ROOT))
          .map(found -> Failures.doneOrNotFound(found, "an account with email " + email))
          .eventually(pool::close);
    });
  }
}
