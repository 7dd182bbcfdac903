package com.runningtrainer.common.breaker;

import com.runningtrainer.common.VertxFactory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import io.vertx.micrometer.backends.BackendRegistries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The circuit breakers of outbound calls. A breaker is one per name and Vert.x instance, shared
 * by every verticle instance that asks for it, so that the failures seen on every event loop
 * count together. Each logs its transitions and exports its state as the gauge
 * {@code circuit_breaker_state{name=...}} (0 closed, 1 half-open, 2 open) in {@code /metrics}.
 */
public final class Breakers {

  private static final Logger LOG = LoggerFactory.getLogger(Breakers.class);
  private static final String MAP = "running-trainer.circuit-breakers";

  private Breakers() {
  }

  /** The breaker of this name, made with these options the first time it is asked for. */
  public static CircuitBreaker shared(Vertx vertx, String name, CircuitBreakerOptions options) {
    LocalMap<String, Held> breakers = vertx.sharedData().getLocalMap(MAP);
    Held held = breakers.get(name);
    if (held != null) {
      return held.breaker();
    }
    CircuitBreaker made = create(vertx, name, options);
    Held raced = breakers.putIfAbsent(name, new Held(made));
    if (raced != null) {
      made.close();
      return raced.breaker();
    }
    export(vertx, name, made);
    return made;
  }

  private static CircuitBreaker create(Vertx vertx, String name, CircuitBreakerOptions options) {
    // No notifications on the event bus: they would keep a latency histogram of every call made
    // through the breaker (costly on the gateway, where every request is one) for no reader; the
    // state is exported below and the transitions logged.
    CircuitBreaker breaker = CircuitBreaker.create(name, vertx, new CircuitBreakerOptions(options).setNotificationAddress(null));
    breaker.openHandler(ignored -> LOG.warn("circuit breaker {} opened: calls fail fast for {} ms", name,
            options.getResetTimeout()))
        .halfOpenHandler(ignored -> LOG.info("circuit breaker {} half-open: probing", name))
        .closeHandler(ignored -> LOG.info("circuit breaker {} closed", name));
    return breaker;
  }

  private static void export(Vertx vertx, String name, CircuitBreaker breaker) {
    String registryName = VertxFactory.metricsRegistry(vertx);
    MeterRegistry registry = registryName == null ? null : BackendRegistries.getNow(registryName);
    if (registry == null) {
      return;
    }
    Gauge.builder("circuit_breaker_state", breaker, held -> code(held.state()))
        .description("State of a circuit breaker: 0 closed, 1 half-open, 2 open")
        .tag("name", name)
        .strongReference(true)
        .register(registry);
  }

  static int code(CircuitBreakerState state) {
    return switch (state) {
      case CLOSED -> 0;
      case HALF_OPEN -> 1;
      case OPEN -> 2;
    };
  }

  /** Lets a breaker live in a local map, which takes only shareable values. */
  private record Held(CircuitBreaker breaker) implements Shareable {
  }
}
