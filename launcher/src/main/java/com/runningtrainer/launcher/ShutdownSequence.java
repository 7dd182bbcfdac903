package com.runningtrainer.launcher;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this process has started and must stop before it exits. Steps are stopped in the reverse
 * order of their start, since what started later depends on what started earlier (the services
 * on their databases); each step is bounded by its timeout, so that one that hangs cannot keep
 * the process from ending. Runs once, whether from the JVM's shutdown hook or after a failed
 * start.
 */
final class ShutdownSequence {

  private static final Logger LOG = LoggerFactory.getLogger(ShutdownSequence.class);

  /** Stops one thing; may block, within its step's timeout. */
  @FunctionalInterface
  interface Stop {
    void run() throws Exception;
  }

  private record Step(String name, Duration timeout, Stop stop) {
  }

  private final Deque<Step> steps = new ArrayDeque<>();
  private boolean begun;

  /**
   * Adds what was just started. When the sequence has already run (a signal arrived while it was
   * starting) the step runs at once: nothing else is left to stop it.
   */
  synchronized void add(String name, Duration timeout, Stop stop) {
    Step step = new Step(name, timeout, stop);
    if (begun) {
      run(step);
    } else {
      steps.push(step);
    }
  }

  /** Whether the sequence has begun: a start that fails afterwards was interrupted, not broken. */
  synchronized boolean begun() {
    return begun;
  }

  /** Runs every step, newest first; later calls return at once, or once the first one ends. */
  synchronized void run() {
    if (begun) {
      return;
    }
    begun = true;
    LOG.info("stopping {} step(s), newest first", steps.size());
    while (!steps.isEmpty()) {
      run(steps.pop());
    }
  }

  private static void run(Step step) {
    long started = System.nanoTime();
    // A thread of its own per step: the only way to stop waiting for a step that does not return.
    ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "stop-" + step.name().replace(' ', '-'));
      thread.setDaemon(true);
      return thread;
    });
    Future<?> stopping = executor.submit(() -> {
      step.stop().run();
      return null;
    });
    try {
      stopping.get(step.timeout().toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("stopped {} in {} ms", step.name(), (System.nanoTime() - started) / 1_000_000);
    } catch (TimeoutException e) {
      stopping.cancel(true);
      LOG.warn("{} did not stop within {} ms; going on without it", step.name(), step.timeout().toMillis());
    } catch (ExecutionException e) {
      LOG.warn("stopping {} failed: {}", step.name(), e.getCause().toString(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("interrupted while stopping {}", step.name());
    } finally {
      executor.shutdownNow();
    }
  }
}
