package com.runningtrainer.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.config.Settings;
import com.runningtrainer.testsupport.FakeStrava;
import com.runningtrainer.testsupport.FakeStrava.Athlete;
import com.runningtrainer.testsupport.TestConfig;
import com.runningtrainer.testsupport.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web app in a real browser, Debian's Chromium driven by playwright-core, through the real
 * platform (every service in one Vert.x, on the test class's own database, its mail going to a
 * real SMTP server, its Strava test-support's fake, and {@link AdminMaker}'s hook making admins):
 * the journeys of {@code src/test/node/*.test.mjs}, with an axe-core check of each main page.
 * {@code JOURNEYS} names some of those files to run only them. {@code .ci/run} installs Chromium;
 * where it could not, the test is skipped and says why.
 */
class WebAppBrowserTest {

  private static final Path NODE_HOME = Path.of("src", "test", "node");
  private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static Config config;
  private static Mailbox mailbox;
  private static AdminMaker adminMaker;
  private static FakeStrava strava;
  private static ShutdownSequence shutdown;
  private static String gateway;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "browser tests skipped: no Chromium at " + CHROMIUM
        + " (.ci/run installs Debian's chromium and chromium-driver; run it as root, or apt-get install them)");
    mailbox = Mailbox.start();
    config = TestConfig.create(WebAppBrowserTest.class).with(Map.of("RATE_LIMIT_ENABLED", "false"));
    gateway = "http://localhost:" + config.integer("GATEWAY_PORT", 0);
    // The calendar feeds' addresses and the providers' way back to auth are the gateway's too.
    config = config.with(mailbox.settings(gateway)).with(stravaSettings())
        .with(Map.of("PUBLIC_API_URL", gateway, "OAUTH_REDIRECT_BASE", gateway));
    shutdown = new ShutdownSequence();
    var vertx = new Application(config, ServiceCatalog.ALL, false, shutdown).start().await(120, TimeUnit.SECONDS);
    adminMaker = AdminMaker.start(vertx, Settings.from(config));
    awaitHealthy(gateway + "/health");
  }

  @AfterAll
  static void stop() {
    if (adminMaker != null) {
      adminMaker.close();
    }
    if (shutdown != null) {
      shutdown.run();
      TestDatabase.drop(TestConfig.databaseUrl(config));
    }
    if (mailbox != null) {
      mailbox.close();
    }
    if (strava != null) {
      strava.close();
    }
  }

  /**
   * Strava is the fake, whose athlete signs in at its authorize page and has recorded two runs and
   * a ride (strava.test.mjs connects, syncs and finds them); Strava sends the browser back to the
   * app's page.
   */
  private static Map<String, String> stravaSettings() {
    strava = FakeStrava.start();
    Athlete athlete = Athlete.next("Ann", "Strider");
    strava.signsIn(athlete);
    strava.records(athlete, recorded("Run", 0, 8_000, 2_700), recorded("Ride", 1, 30_000, 4_000),
        recorded("Run", 3, 12_000, 4_200));
    return Map.of("STRAVA_BASE_URL", strava.baseUrl(), "STRAVA_API_URL", strava.apiUrl(),
        "STRAVA_CLIENT_ID", FakeStrava.CLIENT_ID, "STRAVA_CLIENT_SECRET", FakeStrava.CLIENT_SECRET,
        "STRAVA_REDIRECT_URL", gateway + "/strava/connected", "STRAVA_SYNC_POLL_MS", "200");
  }

  private static JsonObject recorded(String sport, int daysAgo, double meters, int seconds) {
    String start = Instant.now().minus(daysAgo, ChronoUnit.DAYS).minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS)
        .toString();
    return FakeStrava.activity(sport, start, start, meters, seconds);
  }

  @Test
  void everyJourneyPassesInChromiumWithNoSeriousAccessibilityViolation() throws Exception {
    installed();

    List<String> command = new ArrayList<>(List.of("node", "--test", "--test-concurrency=1", "--test-reporter=spec"));
    command.addAll(journeys());
    Run journey = run(command,
        Map.of("BASE_URL", gateway, "CHROMIUM", CHROMIUM.toString(), "MAILBOX_URL", mailbox.url(), "ADMIN_URL", adminMaker.url()), 900);

    assertThat(journey.exitCode()).as(journey.output()).isZero();
  }

  /** The files {@code JOURNEYS} names, or none: then Node runs every {@code *.test.mjs}. */
  private static List<String> journeys() {
    String named = System.getenv().getOrDefault("JOURNEYS", "").trim();
    return named.isEmpty() ? List.of() : List.of(named.split("[\\s,]+"));
  }

  private static void installed() throws Exception {
    if (!Files.isDirectory(NODE_HOME.resolve("node_modules").resolve("playwright-core"))) {
      Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
      assertThat(install.exitCode()).as(install.output()).isZero();
    }
  }

  private record Run(int exitCode, String output) {
  }

  private static Run run(List<String> command, Map<String, String> environment, long timeoutSeconds) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(NODE_HOME.toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Path log = Files.createTempFile("browser", ".log");
    try {
      Process process = builder.redirectOutput(log.toFile()).start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        return new Run(-1, String.join(" ", command) + " did not end in " + timeoutSeconds + " s:\n" + read(log));
      }
      return new Run(process.exitValue(), read(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  private static void awaitHealthy(String url) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      try {
        if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (ConnectException notYet) {
        if (System.currentTimeMillis() > deadline) {
          throw notYet;
        }
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("the platform is not healthy after 60 s");
      }
      Thread.sleep(100);
    }
  }
}
