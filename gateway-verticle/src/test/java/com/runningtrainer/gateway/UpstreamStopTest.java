package com.runningtrainer.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.service.ServiceDeployer;
import com.runningtrainer.testsupport.TestHttp;
import com.runningtrainer.trainer.TrainerVerticle;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A service stopping while the gateway forwards reads to it over HTTP under load: every request
 * is answered by the service, or refused at once as not reachable, and none gets a 502 from a
 * connection closed or reset under it (the last connections a stopping server accepts are reset
 * unread: the gateway sends such an idempotent request again). The trainer drains
 * (SHUTDOWN_DRAIN_MS) longer than the gateway's keep-alive, as by default.
 */
class UpstreamStopTest {

  private static final int CLIENTS = 8;

  private GatewayPlatform platform;

  @AfterEach
  void stop() {
    platform.close();
  }

  @Test
  void readsForwardedWhileTheTrainerStopsAreAnsweredOrRefusedNeverFailed() throws Exception {
    platform = GatewayPlatform.start(getClass(), Map.of("SHUTDOWN_DRAIN_MS", "1500"), false);
    ServiceDeployer.Deployed trainer = ServiceDeployer.deploy(platform.vertx, platform.config, TrainerVerticle.DESCRIPTOR)
        .await();
    TestHttp gateway = platform.gateway(Map.of(
        "TRAINER_UPSTREAM", "http://127.0.0.1:" + platform.config.integer("TRAINER_PORT", 0)));
    String token = platform.newUser();
    String plan = "/api/v1/plans/" + gateway.post("/api/v1/plans", token, GatewayPlatform.plan())
        .bodyAsJsonObject().getString("id");
    Load load = Load.start(() -> gateway.get(plan, token).statusCode());
    load.awaitAnswers(200, 500);

    trainer.undeploy().await();
    int answeredBeforeTheEnd = load.count(200);
    load.awaitAnswers(503, 20);
    load.stop();

    assertThat(answeredBeforeTheEnd).isGreaterThanOrEqualTo(500);
    assertThat(load.statuses()).containsOnlyKeys(200, 503);
  }

  /** {@link #CLIENTS} clients sending one request after another, counting the answers by status. */
  private static final class Load {

    private final ConcurrentMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread[] clients;

    private Load(StatusCall call) {
      clients = IntStream.range(0, CLIENTS).mapToObj(i -> new Thread(() -> {
        while (running.get()) {
          statuses.computeIfAbsent(call.status(), status -> new AtomicInteger()).incrementAndGet();
        }
      }, "load-" + i)).toArray(Thread[]::new);
    }

    static Load start(StatusCall call) {
      Load load = new Load(call);
      for (Thread client : load.clients) {
        client.start();
      }
      return load;
    }

    void awaitAnswers(int status, int count) throws InterruptedException {
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (count(status) < count && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }

    int count(int status) {
      AtomicInteger counted = statuses.get(status);
      return counted == null ? 0 : counted.get();
    }

    Map<Integer, Integer> statuses() {
      Map<Integer, Integer> counts = new TreeMap<>();
      statuses.forEach((status, counted) -> counts.put(status, counted.get()));
      return counts;
    }

    void stop() throws InterruptedException {
      running.set(false);
      for (Thread client : clients) {
        client.join();
      }
    }
  }

  @FunctionalInterface
  private interface StatusCall {
    int status();
  }
}
