package com.runningtrainer.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.runningtrainer.common.api.ApiRequest;
import com.runningtrainer.common.api.ApiResponse;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.testsupport.TestDatabase;
import com.runningtrainer.testsupport.TestRedis;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as a user runs it: a child JVM with no {@code DATABASE_URL} or
 * {@code REDIS_URL}, so on its embedded servers (or, clustered, on the tests' servers), with
 * every port chosen free so that it does not meet anything else on this machine.
 */
class FatJarIT {

  private static final Path JAR = Path.of("target", "running-trainer.jar");
  private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(60);
  private static final Duration EXITS_WITHIN = Duration.ofSeconds(30);

  @TempDir
  Path dataDirectory;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private final List<Process> processes = new ArrayList<>();
  private Map<String, String> environment;
  private Path output;

  @BeforeEach
  void freePorts() throws IOException {
    List<Integer> ports = freePorts(7);
    environment = new HashMap<>(Map.of(
        "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
        "RT_DATA_DIR", dataDirectory.toString(),
        "TRAINER_PORT", ports.get(0).toString(),
        "AUTH_PORT", ports.get(1).toString(),
        "EMBEDDED_PG_PORT", ports.get(2).toString(),
        "EMBEDDED_REDIS_PORT", ports.get(3).toString(),
        "GATEWAY_PORT", ports.get(4).toString(),
        "PDF_PORT", ports.get(5).toString(),
        "STRAVA_PORT", ports.get(6).toString()));
    output = dataDirectory.resolve("launcher-output.log");
  }

  @AfterEach
  void killLeftovers() throws InterruptedException {
    for (Process process : processes) {
      if (process.isAlive()) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void the_jar_serves_trainer_and_auth_behind_the_gateway_on_embedded_servers_and_exits_on_sigterm() throws Exception {
    Process launcher = launch();

    HttpResponse<String> trainer = awaitHealthy(launcher, port("TRAINER_PORT"));
    HttpResponse<String> auth = awaitHealthy(launcher, port("AUTH_PORT"));
    awaitHealthy(launcher, port("GATEWAY_PORT"));
    assertThat(planThroughTheGateway().statusCode()).as(output()).isEqualTo(201);

    assertThat(trainer.body()).as(output()).contains("\"status\":\"UP\"").contains("\"service\":\"trainer\"");
    assertThat(auth.body()).as(output()).contains("\"status\":\"UP\"").contains("\"service\":\"auth\"");
    assertThat(Files.isDirectory(dataDirectory.resolve("postgres"))).isTrue();
    assertThat(Files.isDirectory(dataDirectory.resolve("redis"))).isTrue();

    launcher.destroy();

    assertThat(launcher.waitFor(EXITS_WITHIN.toSeconds(), TimeUnit.SECONDS)).as(output()).isTrue();
    // 128 + SIGTERM: the JVM ended on the signal, after its shutdown hook.
    assertThat(launcher.exitValue()).as(output()).isEqualTo(143);
    assertThat(output()).contains("stopped embedded PostgreSQL");
    assertStopped("EMBEDDED_PG_PORT");
    assertStopped("EMBEDDED_REDIS_PORT");
  }

  @Test
  void a_start_that_ends_on_sigterm_leaves_a_class_archive_that_the_next_start_maps() throws Exception {
    Process first = launch("--services=trainer");
    awaitHealthy(first, port("TRAINER_PORT"));
    first.destroy();
    assertThat(first.waitFor(EXITS_WITHIN.toSeconds(), TimeUnit.SECONDS)).as(output()).isTrue();
    List<Path> archives;
    try (var files = Files.list(dataDirectory.resolve("class-archive"))) {
      archives = files.toList();
    }
    assertThat(archives).as(output()).singleElement().asString().endsWith(".jsa");

    Process second = launch("--services=trainer");
    awaitHealthy(second, port("TRAINER_PORT"));

    assertThat(second.toHandle().children().map(child -> String.join(" ", child.info().arguments().orElseThrow())))
        .as(output()).singleElement().asString().contains("-XX:SharedArchiveFile=" + archives.get(0));
  }

  @Test
  void the_platform_ends_with_the_launcher_even_when_the_launcher_is_killed() throws Exception {
    Process launcher = launch("--services=trainer");
    awaitHealthy(launcher, port("TRAINER_PORT"));
    ProcessHandle platform = launcher.toHandle().children().findFirst().orElseThrow();

    launcher.destroyForcibly();

    assertThat(platform.onExit()).succeedsWithin(EXITS_WITHIN);
    assertStopped("TRAINER_PORT");
    assertStopped("EMBEDDED_PG_PORT");
  }

  @Test
  void the_jar_renders_a_plan_as_a_pdf_with_the_fonts_and_character_maps_it_ships() throws Exception {
    Process launcher = launch();
    for (String service : List.of("TRAINER_PORT", "AUTH_PORT", "PDF_PORT", "GATEWAY_PORT")) {
      awaitHealthy(launcher, port(service));
    }
    String token = tokenThroughTheGateway();
    String plan = field(post("/api/v1/plans", token,
        "{\"name\":\"Printed plan — ä ß é\",\"start_date\":\"2027-01-04\",\"end_date\":\"2027-02-28\"}").body(), "id");

    HttpResponse<String> job = post("/api/v1/pdf/plans/" + plan + "/generate", token, "{\"template\":\"weekly\",\"paper\":\"A4\"}");
    HttpResponse<byte[]> pdf = awaitPdf(token, field(job.body(), "pdf_id"));

    assertThat(job.statusCode()).as(job.body()).isEqualTo(202);
    assertThat(pdf.statusCode()).as(output()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  @Test
  void an_unknown_service_ends_the_jar_with_code_2_naming_the_service() throws Exception {
    Process launcher = launch("--services=trainer,nope");

    assertThat(launcher.waitFor(EXITS_WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(launcher.exitValue()).as(output()).isEqualTo(2);
    assertThat(output()).contains("unknown service 'nope'; known services: trainer, auth, pdf, strava, gateway");
  }

  @Test
  void cluster_without_database_url_and_redis_url_ends_the_jar_with_code_1_naming_them() throws Exception {
    Process launcher = launch("--cluster", "--services=trainer");

    assertThat(launcher.waitFor(EXITS_WITHIN.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(launcher.exitValue()).as(output()).isEqualTo(1);
    assertThat(output()).contains("--cluster needs DATABASE_URL and REDIS_URL");
    assertThat(Files.exists(dataDirectory.resolve("postgres"))).as("no embedded PostgreSQL").isFalse();
  }

  @Test
  void a_clustered_jar_answers_another_node_on_the_event_bus_and_leaves_the_cluster_on_sigterm() throws Exception {
    String databaseUrl = TestDatabase.create(FatJarIT.class);
    try {
      Map<String, String> cluster = Map.of(
          "DATABASE_URL", databaseUrl,
          "REDIS_URL", TestRedis.url(),
          "CLUSTER_NAME", "fat-jar-" + UUID.randomUUID(),
          "CLUSTER_PORT", String.valueOf(freePorts(1).get(0)));
      environment.putAll(cluster);
      environment.put("TRAINER_INSTANCES", "1");
      Process launcher = launch("--cluster", "--services=trainer");
      awaitHealthy(launcher, port("TRAINER_PORT"));
      assertThat(output()).contains("joined cluster '" + cluster.get("CLUSTER_NAME") + "'");

      try (ClusterNode node = ClusterNode.start(Config.of(cluster))) {
        assertThat(listPlans(node).status()).as(output()).isEqualTo(200);

        launcher.destroy();

        assertThat(launcher.waitFor(EXITS_WITHIN.toSeconds(), TimeUnit.SECONDS)).as(output()).isTrue();
        assertThat(launcher.exitValue()).as(output()).isEqualTo(143);
        assertThat(output()).contains("stopped the services and Vert.x");
        // It left trainer.api before it left: the event bus knows at once that no node serves it.
        assertThatThrownBy(() -> listPlans(node)).isInstanceOfSatisfying(ReplyException.class,
            e -> assertThat(e.failureType()).isEqualTo(ReplyFailure.NO_HANDLERS));
      }
    } finally {
      TestDatabase.drop(databaseUrl);
    }
  }

  private static ApiResponse listPlans(ClusterNode node) {
    ApiRequest request = new ApiRequest("listPlans", new JsonObject(), new JsonObject(), null,
        new JsonObject().put("sub", UUID.randomUUID().toString()), new JsonObject(), "fat-jar");
    return ApiResponse.fromJson(node.vertx.eventBus()
        .<JsonObject>request("trainer.api", request.toJson(), new DeliveryOptions().setSendTimeout(5_000)).await().body());
  }

  @Test
  void a_taken_service_port_ends_the_jar_with_code_1_after_stopping_the_embedded_servers() throws Exception {
    try (ServerSocket taken = new ServerSocket(port("TRAINER_PORT"))) {
      Process launcher = launch("--services=trainer");

      assertThat(launcher.waitFor(HEALTHY_WITHIN.toSeconds(), TimeUnit.SECONDS)).as(output()).isTrue();
      assertThat(launcher.exitValue()).as(output()).isEqualTo(1);
      assertThat(output()).contains("start failed: service trainer (port " + port("TRAINER_PORT") + ") did not start");
      assertStopped("EMBEDDED_PG_PORT");
      assertStopped("EMBEDDED_REDIS_PORT");
    }
  }

  private Process launch(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private HttpResponse<String> awaitHealthy(Process launcher, int port) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
        .timeout(Duration.ofSeconds(3))
        .build();
    long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
    HttpResponse<String> last = null;
    while (System.nanoTime() < deadline) {
      assertThat(launcher.isAlive()).as("the launcher ended early:%n%s", output()).isTrue();
      try {
        last = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (last.statusCode() == 200) {
          return last;
        }
      } catch (ConnectException notYet) {
        // not listening yet
      } catch (HttpTimeoutException slow) {
        // listening, but a JVM that has just started on a busy machine can take longer than one
        // request's timeout to answer its first one: the deadline above decides, not one request
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no 200 from :" + port + "/health within " + HEALTHY_WITHIN.toSeconds() + " s (last: "
        + (last == null ? "no answer" : last.statusCode() + " " + last.body()) + ")\n" + output());
  }

  /** A new user registers, logs in and creates a plan, all through the gateway: its answer to the last. */
  private HttpResponse<String> planThroughTheGateway() throws Exception {
    return post("/api/v1/plans", tokenThroughTheGateway(),
        "{\"name\":\"Jar plan\",\"start_date\":\"2027-01-04\",\"end_date\":\"2027-02-28\"}");
  }

  /** A new user registers and logs in through the gateway: their access token. */
  private String tokenThroughTheGateway() throws Exception {
    String credentials = "{\"email\":\"jar-runner@example.com\",\"password\":\"correct horse battery\"}";
    post("/api/v1/auth/register", null, credentials);
    return field(post("/api/v1/auth/login", null, credentials).body(), "access_token");
  }

  private static String field(String json, String name) {
    return json.replaceAll(".*\"" + name + "\"\\s*:\\s*\"([^\"]+)\".*", "$1");
  }

  /** The PDF once rendered (the download answers 409 until then). */
  private HttpResponse<byte[]> awaitPdf(String token, String pdfId) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port("GATEWAY_PORT") + "/api/v1/pdf/" + pdfId))
        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).build();
    long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
    HttpResponse<byte[]> last = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    while (last.statusCode() == 409 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      last = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
    return last;
  }

  private HttpResponse<String> post(String path, String token, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port("GATEWAY_PORT") + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void assertStopped(String portSetting) {
    assertThat(accepts(port(portSetting))).as("%s %s still answers%n%s", portSetting, port(portSetting), output())
        .isFalse();
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private int port(String setting) {
    return Integer.parseInt(environment.get(setting));
  }

  private String output() {
    try {
      return Files.exists(output) ? Files.readString(output) : "(no output)";
    } catch (IOException e) {
      return "(output unreadable: " + e + ")";
    }
  }

  private static String javaExecutable() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private static List<Integer> freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }
}
