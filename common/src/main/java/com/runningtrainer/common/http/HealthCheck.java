package com.runningtrainer.common.http;

import io.vertx.core.Future;
import java.util.function.Supplier;

/** One dependency {@code /health} checks: up when the probe succeeds in time. */
public record HealthCheck(String name, Supplier<Future<?>> probe) {
}
