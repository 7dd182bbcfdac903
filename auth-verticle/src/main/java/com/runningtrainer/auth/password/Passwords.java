package com.runningtrainer.auth.password;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/**
 * Hashing and checking passwords off the event loop, on a small pool of its own: Argon2id
 * takes 19 MiB and tens of milliseconds a call, so the pool's size bounds both memory and
 * how much CPU logins may take from everything else.
 */
public final class Passwords {

  private final PasswordHasher hasher = new PasswordHasher();
  private final WorkerExecutor workers;
  // Checked when the email is unknown, so that the answer takes as long as for a wrong password.
  private String decoy;

  public Passwords(Vertx vertx, int concurrency) {
    this.workers = vertx.createSharedWorkerExecutor("argon2", concurrency);
  }

  public Future<String> hash(String password) {
    return workers.executeBlocking(() -> hasher.hash(password), false);
  }

  /** Whether the password matches; with no stored hash, spends the same time and answers false. */
  public Future<Boolean> verify(String password, String storedHash) {
    return workers.executeBlocking(() -> {
      boolean matches = hasher.verify(password, storedHash == null ? decoy() : storedHash);
      return storedHash != null && matches;
    }, false);
  }

  private synchronized String decoy() {
    if (decoy == null) {
      decoy = hasher.hash("a decoy that no password matches");
    }
    return decoy;
  }

  public Future<Void> close() {
    return workers.close();
  }
}
