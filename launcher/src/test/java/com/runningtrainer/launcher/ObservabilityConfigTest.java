package com.runningtrainer.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.runningtrainer.common.config.Config;
import com.runningtrainer.testsupport.TestConfig;
import com.runningtrainer.testsupport.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring of deploy/observability (docs/observability.md): Prometheus' configuration and
 * alert rules pass {@code promtool} (Debian's {@code prometheus} package; skipped where it is
 * not installed), every dashboard query parses, and every metric a dashboard or an alert names
 * is one the platform really serves at {@code /metrics}.
 */
class ObservabilityConfigTest {

  private static final Path DIR = Path.of("..", "deploy", "observability");
  private static final Path PROMETHEUS = DIR.resolve("prometheus");
  private static final Path DASHBOARDS = DIR.resolve("grafana").resolve("dashboards");
  private static final String TOKEN_FILE = "/prometheus/metrics-token";

  /** Series Prometheus makes itself rather than scraping them. */
  private static final Set<String> PROMETHEUS_OWN = Set.of("up", "ALERTS");
  private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{");
  private static final Pattern SERVED = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", Pattern.MULTILINE);

  // HTTP/1.1 as Prometheus scrapes: the JDK client's h2c upgrade once broke on a large /metrics answer (a protocol error).
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void theAlertRulesPassPromtoolAndTheirUnitTests() throws Exception {
    assumePromtool();
    promtool(PROMETHEUS, "check", "rules", "alerts.yml");
    promtool(PROMETHEUS, "test", "rules", "alerts-test.yml");
  }

  @Test
  void thePrometheusConfigurationPassesPromtool(@TempDir Path dir) throws Exception {
    assumePromtool();
    // The token file is written by the container before Prometheus starts; promtool wants it to exist.
    Path token = Files.writeString(dir.resolve("metrics-token"), "a token");
    String config = Files.readString(PROMETHEUS.resolve("prometheus.yml"));
    assertThat(config).contains(TOKEN_FILE);
    Files.writeString(dir.resolve("prometheus.yml"), config.replace(TOKEN_FILE, token.toAbsolutePath().toString()));
    Files.copy(PROMETHEUS.resolve("alerts.yml"), dir.resolve("alerts.yml"));
    promtool(dir, "check", "config", "prometheus.yml");
  }

  @Test
  void everyDashboardQueryIsValidPromql(@TempDir Path dir) throws Exception {
    assumePromtool();
    // Each query as a recording rule, Grafana's variables given values, so that promtool parses it.
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
    int n = 0;
    for (String expr : dashboardQueries()) {
      String promql = expr.replace("$__rate_interval", "5m").replace("$instance", ".*");
      rules.append("      - record: dashboard_query_").append(n++).append("\n        expr: ")
          .append(new JsonObject().put("e", promql).encode().replaceFirst("^\\{\"e\":", "").replaceFirst("}$", ""))
          .append('\n');
    }
    assertThat(n).isGreaterThan(50);
    Files.writeString(dir.resolve("queries.yml"), rules);
    promtool(dir, "check", "rules", "queries.yml");
  }

  @Test
  void everyDashboardIsProvisionableJson() throws Exception {
    List<Path> files = dashboardFiles();
    assertThat(files).extracting(file -> file.getFileName().toString())
        .containsExactlyInAnyOrder("trainer.json", "pdf.json", "auth.json", "gateway.json", "platform.json");
    Set<String> uids = new TreeSet<>();
    for (Path file : files) {
      JsonObject board = new JsonObject(Files.readString(file));
      assertThat(board.getString("title")).startsWith("Running Trainer / ");
      uids.add(board.getString("uid"));
      for (JsonObject panel : panels(board)) {
        if (!"row".equals(panel.getString("type"))) {
          assertThat(panel.getJsonObject("datasource").getString("uid")).as(file + ": " + panel.getString("title"))
              .isEqualTo("prometheus");
        }
      }
    }
    assertThat(uids).hasSize(files.size());
    assertThat(Files.readString(DIR.resolve("grafana/provisioning/datasources/prometheus.yml"))).contains("uid: prometheus");
  }

  @Test
  void everyMetricTheDashboardsAndAlertsNameIsServedByThePlatform() throws Exception {
    Set<String> named = new TreeSet<>();
    dashboardQueries().forEach(expr -> named.addAll(metricNames(expr)));
    String alerts = Files.readString(PROMETHEUS.resolve("alerts.yml")).replaceAll("(?m)^\\s*#.*$", "");
    named.addAll(metricNames(alerts));
    named.removeAll(PROMETHEUS_OWN);
    assertThat(named).contains("vertx_http_server_response_time_seconds_bucket", "circuit_breaker_state",
        "vertx_pool_queue_pending", "vertx_eventbus_processed_total", "jvm_memory_used_bytes");

    Set<String> served = servedMetricNames();

    assertThat(served).containsAll(named);
  }

  /** The names of the series /metrics of a running platform serves, after a little traffic. */
  private static Set<String> servedMetricNames() throws Exception {
    Config config = TestConfig.create(ObservabilityConfigTest.class).with(Map.of("RATE_LIMIT_ENABLED", "false"));
    ShutdownSequence shutdown = new ShutdownSequence();
    try {
      var started = new Application(config, ServiceCatalog.ALL, false, shutdown).start();
      String gateway = "http://127.0.0.1:" + config.integer("GATEWAY_PORT", 0);
      assertThat(firstAnswer(gateway + "/health").statusCode()).isEqualTo(200);
      started.await(60, TimeUnit.SECONDS);

      String email = "observer-" + System.nanoTime() + "@example.com";
      String credentials = new JsonObject().put("email", email).put("password", "correct horse battery").encode();
      assertThat(post(gateway + "/api/v1/auth/register", credentials).statusCode()).isEqualTo(202);
      HttpResponse<String> login = post(gateway + "/api/v1/auth/login", credentials);
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      String token = new JsonObject(login.body()).getString("access_token");
      // Through the gateway over the event bus, a miss among them, and at trainer's own port.
      for (String path : List.of("/api/v1/plans", "/api/v1/runs", "/api/v1/plans/00000000-0000-0000-0000-000000000000")) {
        get(gateway + path, token);
      }
      get("http://127.0.0.1:" + config.integer("TRAINER_PORT", 0) + "/api/v1/plans", token);
      // jvm_gc_pause_* appear with the first collection.
      System.gc();

      Set<String> served = new TreeSet<>();
      for (String port : List.of("GATEWAY_PORT", "TRAINER_PORT", "PDF_PORT", "AUTH_PORT")) {
        HttpResponse<String> metrics = get("http://127.0.0.1:" + config.integer(port, 0) + "/metrics", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        Matcher line = SERVED.matcher(metrics.body());
        while (line.find()) {
          served.add(line.group(1));
        }
      }
      return served;
    } finally {
      shutdown.run();
      TestDatabase.drop(TestConfig.databaseUrl(config));
    }
  }

  private static Set<String> metricNames(String promql) {
    Set<String> names = new TreeSet<>();
    Matcher selector = SELECTOR.matcher(QUOTED.matcher(promql).replaceAll("\"\""));
    while (selector.find()) {
      names.add(selector.group(1));
    }
    return names;
  }

  private static List<String> dashboardQueries() throws IOException {
    List<String> queries = new ArrayList<>();
    for (Path file : dashboardFiles()) {
      for (JsonObject panel : panels(new JsonObject(Files.readString(file)))) {
        JsonArray targets = panel.getJsonArray("targets", new JsonArray());
        for (int i = 0; i < targets.size(); i++) {
          queries.add(targets.getJsonObject(i).getString("expr"));
        }
      }
    }
    return queries;
  }

  /** Every panel of a dashboard, those inside rows too. */
  private static List<JsonObject> panels(JsonObject board) {
    List<JsonObject> all = new ArrayList<>();
    JsonArray top = board.getJsonArray("panels");
    for (int i = 0; i < top.size(); i++) {
      JsonObject panel = top.getJsonObject(i);
      all.add(panel);
      JsonArray nested = panel.getJsonArray("panels", new JsonArray());
      for (int j = 0; j < nested.size(); j++) {
        all.add(nested.getJsonObject(j));
      }
    }
    return all;
  }

  private static List<Path> dashboardFiles() throws IOException {
    try (Stream<Path> files = Files.list(DASHBOARDS)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static void assumePromtool() {
    boolean onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "promtool")));
    assumeTrue(onPath, "promtool is not on the PATH: install Debian's prometheus package (apt-get install prometheus), "
        + "as .ci/run does, to check the Prometheus configuration and alert rules");
  }

  private static void promtool(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + " in " + dir + ":\n" + output).isZero();
  }

  private static HttpResponse<String> post(String url, String json) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(json)).build(), BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String url, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), BodyHandlers.ofString());
  }

  /** The first answer of the URL, polled from before anything listens there. */
  private static HttpResponse<String> firstAnswer(String url) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      try {
        return get(url, null);
      } catch (ConnectException notYet) {
        if (System.currentTimeMillis() > deadline) {
          throw notYet;
        }
        Thread.sleep(20);
      }
    }
  }
}
