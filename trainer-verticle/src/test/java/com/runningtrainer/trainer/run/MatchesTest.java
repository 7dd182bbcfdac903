package com.runningtrainer.trainer.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.trainer.workout.WorkoutRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Matching after a write of workouts, when the database cannot be reached. */
class MatchesTest {

  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void matchingThatCannotReachTheDatabaseLeavesTheRunsAndFailsNothing() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Pool unreachable = PgBuilder.pool().using(vertx)
        .connectingTo(new PgConnectOptions().setHost("127.0.0.1").setPort(closedPort).setUser("nobody")).build();
    Matches matches = new Matches(unreachable, new RunRepository(unreachable),
        new WorkoutRepository(unreachable, Clock.systemUTC()));

    Future<Integer> matched = matches.between(UUID.randomUUID(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));

    assertThat(matched.await()).isZero();
    unreachable.close().await();
  }
}
