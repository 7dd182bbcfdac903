package com.runningtrainer.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ShutdownSequenceTest {

  private final List<String> stopped = new CopyOnWriteArrayList<>();
  private final ShutdownSequence sequence = new ShutdownSequence();

  @Test
  void steps_stop_newest_first() {
    sequence.add("postgres", Duration.ofSeconds(1), () -> stopped.add("postgres"));
    sequence.add("redis", Duration.ofSeconds(1), () -> stopped.add("redis"));
    sequence.add("vertx", Duration.ofSeconds(1), () -> stopped.add("vertx"));

    sequence.run();

    assertThat(stopped).containsExactly("vertx", "redis", "postgres");
  }

  @Test
  void a_step_that_hangs_is_abandoned_after_its_timeout_and_the_next_ones_still_run() {
    sequence.add("postgres", Duration.ofSeconds(1), () -> stopped.add("postgres"));
    sequence.add("hanging", Duration.ofMillis(200), () -> Thread.sleep(60_000));

    long started = System.nanoTime();
    sequence.run();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(stopped).containsExactly("postgres");
  }

  @Test
  void a_step_that_fails_does_not_keep_the_next_ones_from_running() {
    sequence.add("postgres", Duration.ofSeconds(1), () -> stopped.add("postgres"));
    sequence.add("failing", Duration.ofSeconds(1), () -> {
      throw new IllegalStateException("boom");
    });

    sequence.run();

    assertThat(stopped).containsExactly("postgres");
  }

  @Test
  void it_runs_once() {
    sequence.add("redis", Duration.ofSeconds(1), () -> stopped.add("redis"));

    sequence.run();
    sequence.run();

    assertThat(stopped).containsExactly("redis");
    assertThat(sequence.begun()).isTrue();
  }

  @Test
  void what_starts_after_it_ran_is_stopped_at_once() {
    sequence.run();

    sequence.add("late", Duration.ofSeconds(1), () -> stopped.add("late"));

    assertThat(stopped).containsExactly("late");
  }
}
