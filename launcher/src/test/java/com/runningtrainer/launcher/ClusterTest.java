package com.runningtrainer.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.api.ApiRequest;
import com.runningtrainer.common.api.ApiResponse;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.testsupport.TestDatabase;
import com.runningtrainer.testsupport.TestHttp;
import com.runningtrainer.testsupport.TestPorts;
import com.runningtrainer.testsupport.TestRedis;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three {@code --cluster} nodes in this JVM on loopback, started as the launcher starts them:
 * auth on the first, trainer on the other two. Requests go from the auth node to
 * {@code trainer.api}, as the gateway will send them. One cluster for the class: a clustered
 * start costs seconds.
 */
@TestMethodOrder(OrderAnnotation.class)
class ClusterTest {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterTest.class);
  /** Short: a request lost to a stopping node costs the test this long. */
  private static final DeliveryOptions SHORT = new DeliveryOptions().setSendTimeout(2_000);

  private static String databaseUrl;
  private static ClusterNode authNode;
  private static Trainer first;
  private static Trainer second;
  private static String token;
  private static JsonObject principal;

  /** A trainer node and its HTTP port, where its answers are counted in {@code /metrics}. */
  private record Trainer(ClusterNode node, TestHttp http) {
  }

  @BeforeAll
  static void start() {
    databaseUrl = TestDatabase.create(ClusterTest.class);
    int authPort = TestPorts.free();
    Config cluster = Config.of(Map.ofEntries(
        Map.entry("DATABASE_URL", databaseUrl),
        Map.entry("DATABASE_POOL_SIZE", "2"),
        Map.entry("REDIS_URL", TestRedis.url()),
        Map.entry("REDIS_PREFIX", TestRedis.keyPrefix(ClusterTest.class)),
        // Other test classes may run clusters at the same time: a name and ports of this one's own.
        Map.entry("CLUSTER_NAME", "test-" + UUID.randomUUID()),
        Map.entry("CLUSTER_PORT", String.valueOf(TestPorts.free())),
        Map.entry("AUTH_PORT", String.valueOf(authPort)),
        Map.entry("AUTH_JWKS_URL", "http://127.0.0.1:" + authPort + "/api/v1/auth/jwks.json"),
        Map.entry("AUTH_INSTANCES", "1"),
        Map.entry("TRAINER_INSTANCES", "1"),
        Map.entry("ARGON2_CONCURRENCY", "1")));
    // All at once, as containers start: they find each other, and migrate in turn (Flyway locks).
    ExecutorService starter = Executors.newFixedThreadPool(3);
    Future<ClusterNode> auth = starter.submit(() -> ClusterNode.start(cluster, "auth"));
    Future<Trainer> one = starter.submit(() -> trainer(cluster));
    Future<Trainer> two = starter.submit(() -> trainer(cluster));
    starter.shutdown();
    authNode = started(auth);
    first = started(one);
    second = started(two);
    if (authNode == null || first == null || second == null) {
      // @AfterAll stops the nodes that did start and drops the database.
      throw new IllegalStateException("the cluster did not start; see the log");
    }
    token = login();
    principal = claims(token);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable node : new AutoCloseable[] {first == null ? null : first.node(), second == null ? null : second.node(),
        authNode}) {
      if (node != null) {
        try {
          node.close();
        } catch (Exception ignored) {
          // the next node is still stopped
        }
      }
    }
    if (databaseUrl != null) {
      TestDatabase.drop(databaseUrl);
    }
  }

  @Test
  @Order(1)
  void a_request_sent_on_the_auth_node_is_answered_by_a_trainer_node() {
    JsonObject plan = new JsonObject().put("name", "Clustered").put("start_date", "2027-01-04").put("end_date", "2027-02-01");

    ApiResponse created = call("createPlan", new JsonObject(), plan);

    assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
    String id = ((JsonObject) created.body()).getString("id");
    // Over HTTP on either trainer node: the same database, the token verified with auth's keys.
    assertThat(first.http().get("/api/v1/plans/" + id, token).statusCode()).isEqualTo(200);
    assertThat(second.http().get("/api/v1/plans/" + id, token).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void requests_spread_over_both_trainer_nodes() {
    double firstBefore = answered(first);
    double secondBefore = answered(second);

    for (int i = 0; i < 20; i++) {
      assertThat(call("listPlans", new JsonObject(), null).status()).isEqualTo(200);
    }

    double byFirst = answered(first) - firstBefore;
    double bySecond = answered(second) - secondBefore;
    assertThat(byFirst + bySecond).isEqualTo(20);
    assertThat(byFirst).isGreaterThanOrEqualTo(5);
    assertThat(bySecond).isGreaterThanOrEqualTo(5);
  }

  @Test
  @Order(3)
  void when_a_trainer_node_stops_the_other_answers_every_request_after_it() throws Exception {
    AtomicBoolean stopping = new AtomicBoolean(true);
    CompletableFuture<List<Integer>> duringStop = CompletableFuture.supplyAsync(() -> {
      List<Integer> statuses = new ArrayList<>();
      while (stopping.get()) {
        statuses.add(status("listPlans"));
      }
      return statuses;
    });

    second.node().close();
    stopping.set(false);
    List<Integer> sentDuringStop = duringStop.get();
    double before = answered(first);
    List<Integer> after = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      after.add(status("listPlans"));
    }

    assertThat(after).containsOnly(200);
    assertThat(answered(first) - before).isEqualTo(20);
    // A request sent to the node in the moment between its leaving the address and the others
    // learning of it gets no answer (the receiving event bus drops it): at most that one fails.
    assertThat(sentDuringStop).isNotEmpty();
    assertThat(sentDuringStop.stream().filter(status -> status != 200).count()).as("%s", sentDuringStop)
        .isLessThanOrEqualTo(1);
  }

  /** What a start gave, or null when it failed (the failure is in the log). */
  private static <T> T started(Future<T> start) {
    try {
      return start.get();
    } catch (ExecutionException | InterruptedException e) {
      LOG.error("a cluster node did not start", e);
      return null;
    }
  }

  private static Trainer trainer(Config cluster) {
    int port = TestPorts.free();
    ClusterNode node = ClusterNode.start(cluster.with(Map.of("TRAINER_PORT", String.valueOf(port))), "trainer");
    return new Trainer(node, new TestHttp(node.vertx, port));
  }

  /** Registers and logs in through auth's address on the auth node: an access token of auth's. */
  private static String login() {
    JsonObject credentials = new JsonObject().put("email", "runner-" + UUID.randomUUID() + "@example.com")
        .put("password", "correct horse battery");
    ApiResponse registered = send("auth.api", "register", new JsonObject(), credentials, new JsonObject());
    assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
    ApiResponse tokens = send("auth.api", "login", new JsonObject(), credentials, new JsonObject());
    return ((JsonObject) tokens.body()).getString("access_token");
  }

  /** The token's claims, as the gateway passes them on once it has verified the token. */
  private static JsonObject claims(String jwt) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  /** The status of an operation's answer, or -1 when none came. */
  private static int status(String operationId) {
    try {
      return call(operationId, new JsonObject(), null).status();
    } catch (RuntimeException noAnswer) {
      return -1;
    }
  }

  private static ApiResponse call(String operationId, JsonObject path, JsonObject body) {
    return send("trainer.api", operationId, path, body, principal);
  }

  private static ApiResponse send(String address, String operationId, JsonObject path, JsonObject body, JsonObject principal) {
    ApiRequest request = new ApiRequest(operationId, path, new JsonObject(), body, principal,
        new JsonObject().put("ip", "127.0.0.1"), "cluster-" + UUID.randomUUID());
    return ApiResponse.fromJson(authNode.vertx.eventBus().<JsonObject>request(address, request.toJson(), SHORT).await().body());
  }


  /** The requests to {@code trainer.api} a trainer node has taken, from its Prometheus metrics. */
  private static double answered(Trainer trainer) {
    String metrics = trainer.http().get("/metrics", null).bodyAsString();
    return metrics.lines()
        .filter(line -> line.startsWith("vertx_eventbus_delivered_total{") && line.contains("address=\"trainer.api\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
