package com.runningtrainer.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.config.Config;
import com.runningtrainer.testsupport.TestConfig;
import com.runningtrainer.testsupport.TestDatabase;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The platform in one JVM, started as the jar starts it. */
class AllInOneStartTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void theGatewaysFirstAnswerFindsTheServicesBehindItUp() throws Exception {
    Config config = TestConfig.create(AllInOneStartTest.class).with(Map.of("RATE_LIMIT_ENABLED", "false"));
    String gateway = "http://127.0.0.1:" + config.integer("GATEWAY_PORT", 0);
    ShutdownSequence shutdown = new ShutdownSequence();
    try {
      var started = new Application(config, ServiceCatalog.ALL, false, shutdown).start();

      HttpResponse<String> health = firstAnswer(gateway + "/health");
      HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/auth/login"))
          .header("Content-Type", "application/json")
          .POST(BodyPublishers.ofString("{\"email\":\"nobody@example.com\",\"password\":\"not a password at all\"}"))
          .build(), BodyHandlers.ofString());

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(login.statusCode()).as(login.body()).isEqualTo(401);
      started.await(60, TimeUnit.SECONDS);
    } finally {
      shutdown.run();
      TestDatabase.drop(TestConfig.databaseUrl(config));
    }
  }

  /** The first answer of the URL, polled from before anything listens there. */
  private static HttpResponse<String> firstAnswer(String url) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      try {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString());
      } catch (ConnectException notYet) {
        if (System.currentTimeMillis() > deadline) {
          throw notYet;
        }
        Thread.sleep(20);
      }
    }
  }
}
