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

  private Passwords(PasswordHasher hasher, WorkerExecutor workers) {
    this.hasher = hasher;
    this.workers = workers;
  }

  /** The pool of {@code concurrency} hashing threads, shared by the auth instances of the process. */
  public static Passwords create(Vertx vertx, int concurrency) {
    return new Passwords(new PasswordHasher(), vertx.createSharedWorkerExecutor("argon2", concurrency));
  }

  public Future<String> hash(String password) {
    return workers.executeBlocking(() -> hasher.hash(password), false);
  }

  /** Whether the password matches; with no stored hash, spends the same time and answers false. */
  public Future<Boolean> verify(String password, String storedHash) {
    return workers.executeBlocking(() -> {
      // An unknown email is checked against the decoy, so that its answer takes as long as a wrong password's.
      boolean matches = hasher.verify(password, storedHash == null ? PasswordHasher.DECOY : storedHash);
      return storedHash != null && matches;
    }, false);
  }

  public Future<Void> close() {
    return workers.close();
  }
}
