package com.runningtrainer.auth.api;

import io.vertx.core.Future;

/**
 * The one-off commands an operator runs against auth's schema, whether or not auth is running:
 * how the launcher reaches auth's internals ({@code --make-admin}, {@code --rotate-keys}).
 */
public interface AuthCommands {

  /**
   * Adds a signing key; the new key's id. Running auth instances publish it within a reload
   * period, sign with it after two, and keep publishing the old key until its tokens expire.
   */
  Future<String> rotateKeys();

  /**
   * Grants the admin role to a registered account: how the first admin comes to be, since only
   * an admin may grant roles over the API. 404 when no account has that email.
   */
  Future<Void> makeAdmin(String email);
}
