package com.runningtrainer.common.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.serviceproxy.ServiceException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Calls to a neighbouring service: its answers passed on, its absence a 503 that names it. */
class NeighbourTest {

  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static Neighbour trainer() {
    return Neighbour.of(vertx, "test-" + UUID.randomUUID(), "trainer", 1_000, Away::isAway);
  }

  private static Throwable failureOf(Neighbour neighbour, Throwable failure) {
    return failureOf(neighbour.call(() -> Future.failedFuture(failure)));
  }

  // The breaker answers on its context, after the call returns.
  private static Throwable failureOf(Future<?> call) {
    return call.<Throwable>transform(done -> Future.succeededFuture(done.cause())).await();
  }

  @Test
  void anAnswerOfTheNeighbourIsPassedOn() {
    assertThat(trainer().call(() -> Future.succeededFuture("plan")).await()).isEqualTo("plan");
  }

  @Test
  void aRefusalOfTheNeighbourIsPassedOnAsItIs() {
    ServiceException notFound = new ServiceException(404, "no such plan");

    assertThat(failureOf(trainer(), notFound)).isSameAs(notFound);
  }

  @Test
  void aNeighbourAwayIsA503ThatNamesIt() {
    Throwable failure = failureOf(trainer(), new ServiceException(503, "stopping"));

    assertThat(failure).isInstanceOfSatisfying(ServiceException.class, e -> {
      assertThat(e.failureCode()).isEqualTo(503);
      assertThat(e.getMessage()).isEqualTo("the trainer service cannot be asked now; try again shortly");
    });
  }

  @Test
  void afterFiveTimesAwayCallsFailAtOnceWithoutBeingMade() {
    Neighbour neighbour = trainer();
    for (int i = 0; i < 5; i++) {
      failureOf(neighbour, new ServiceException(503, "stopping"));
    }
    AtomicInteger made = new AtomicInteger();

    Future<String> call = neighbour.call(() -> {
      made.incrementAndGet();
      return Future.succeededFuture("plan");
    });

    assertThat(failureOf(call)).isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failureCode()).isEqualTo(503));
    assertThat(made).hasValue(0);
  }

  @Test
  void refusalsNeverOpenTheBreaker() {
    Neighbour neighbour = trainer();
    for (int i = 0; i < 10; i++) {
      failureOf(neighbour, new ServiceException(404, "no such plan"));
    }

    assertThat(neighbour.call(() -> Future.succeededFuture("plan")).await()).isEqualTo("plan");
  }
}
