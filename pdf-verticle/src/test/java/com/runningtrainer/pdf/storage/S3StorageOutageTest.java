package com.runningtrainer.pdf.storage;

import static com.runningtrainer.pdf.storage.S3Await.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.testsupport.TcpProxy;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.serviceproxy.ServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that is down, or up and silent, is a 503 for the caller to retry, within the timeout,
 * and after a few of them the breaker answers for it. Each test has its own Vert.x, so its own
 * breaker {@code s3}.
 */
class S3StorageOutageTest {

  private static final String BUCKET = S3ProxyServer.bucket(S3StorageOutageTest.class);
  private static S3ProxyServer server;

  @TempDir
  Path directory;
  private Vertx vertx;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void closeVertx() throws Throwable {
    await(vertx.close());
  }

  @Test
  void aStoreThatStopsIsA503AtOnce() throws Throwable {
    // given a storage reaching the store through a proxy, with a file stored
    TcpProxy proxy = new TcpProxy(vertx, "127.0.0.1", server.port());
    int port = await(proxy.start());
    S3Storage storage = await(S3Storage.create(vertx, server.config(BUCKET)
        .with(Map.of("S3_ENDPOINT", "http://127.0.0.1:" + port))));
    await(storage.put("plans/before.pdf", Files.write(directory.resolve("before.pdf"), new byte[100])));

    // when the store goes away
    await(proxy.cut());
    long started = System.nanoTime();
    Throwable failure = catchThrowable(() -> await(storage.open("plans/before.pdf")));

    // then, well before the 5 s timeout
    assertUnavailable(failure);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aStoreThatDoesNotAnswerIsA503WhenTheTimeoutPasses() throws Throwable {
    // given a store that takes connections and never answers
    SilentStore silent = SilentStore.start(vertx);

    // when a storage starts on it
    long started = System.nanoTime();
    Throwable failure = catchThrowable(() -> await(S3Storage.create(vertx, silent.config(300))));

    // then
    assertUnavailable(failure);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
  }

  @Test
  void repeatedOutagesOpenTheBreakerAndCallsFailWithoutReachingTheStore() throws Throwable {
    // given a silent store that has timed out as many calls as the breaker bears
    SilentStore silent = SilentStore.start(vertx);
    S3Storage storage = new S3Storage(vertx, S3Settings.from(silent.config(200)));
    for (int call = 0; call < S3Storage.MAX_FAILURES; call++) {
      assertUnavailable(catchThrowable(() -> await(storage.open("plans/any.pdf"))));
    }
    int connections = silent.connections.get();

    // when
    long started = System.nanoTime();
    Throwable failure = catchThrowable(() -> await(storage.open("plans/any.pdf")));

    // then
    assertUnavailable(failure);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(150));
    Thread.sleep(300);
    assertThat(silent.connections.get()).isEqualTo(connections);
  }

  private static void assertUnavailable(Throwable failure) {
    assertThat(failure).isInstanceOf(ServiceException.class);
    assertThat(((ServiceException) failure).failureCode()).isEqualTo(503);
    assertThat(((ServiceException) failure).getDebugInfo().getLong(Failures.RETRY_AFTER_SECONDS)).isPositive();
  }

  /** A TCP server that reads whatever it is sent and never answers. */
  private record SilentStore(int port, AtomicInteger connections) {

    static SilentStore start(Vertx vertx) throws Throwable {
      AtomicInteger connections = new AtomicInteger();
      NetServer server = vertx.createNetServer().connectHandler(socket -> {
        connections.incrementAndGet();
        socket.handler(ignored -> { });
      });
      return new SilentStore(await(server.listen(0, "127.0.0.1")).actualPort(), connections);
    }

    Config config(long timeoutMs) {
      return Config.of(Map.of(
          "S3_ENDPOINT", "http://127.0.0.1:" + port,
          "S3_BUCKET", BUCKET,
          "S3_ACCESS_KEY", S3ProxyServer.ACCESS_KEY,
          "S3_SECRET_KEY", S3ProxyServer.SECRET_KEY,
          "S3_TIMEOUT_MS", String.valueOf(timeoutMs)));
    }
  }
}
