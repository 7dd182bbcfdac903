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

  private final PasswordHasher hasher;
  private final WorkerExecutor workers;
  // Checked when the email is unknown, so that the answer takes as long as for a wrong password.
  private final String decoy;

  private Passwords(PasswordHasher hasher, WorkerExecutor workers, String decoy) {
    this.hasher = hasher;
    this.workers = workers;
    this.decoy = decoy;
  }

  /** The pool, with its decoy hash made before the first login so that none is slower. */
  public static Future<Passwords> create(Vertx vertx, int concurrency) {
    PasswordHasher hasher = new PasswordHasher();
    WorkerExecutor workers = vertx.createSharedWorkerExecutor("argon2", concurrency);
    return workers.executeBlocking(() -> new Passwords(hasher, workers, hasher.hash("a decoy that no password matches")));
  }

  public Future<String> hash(String password) {
    return workers.executeBlocking(() -> hasher.hash(password), false);
  }

  /** Whether the password matches; with no stored hash, spends the same time and answers false. */
  public Future<Boolean> verify(String password, String storedHash) {
    return workers.executeBlocking(() -> {
      boolean matches = hasher.verify(password, storedHash == null ? decoy : storedHash);
      return storedHash != null && matches;
    }, false);
  }

  public Future<Void> close() {
    return workers.close();
  }
}
