package com.runningtrainer.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.auth.api.AuthEvents;
import com.runningtrainer.common.api.LoopRoutes;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.testsupport.LogCapture;
import com.runningtrainer.testsupport.TestDatabase;
import com.runningtrainer.testsupport.TestHttp;
import com.runningtrainer.testsupport.TestPorts;
import com.runningtrainer.testsupport.TestRedis;
import com.runningtrainer.trainer.share.LostCoaches;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * the gateway and auth on the first, trainer on the other two. Requests go over HTTP to the
 * gateway, and from there over the clustered event bus to {@code trainer.api}; what auth
 * publishes reaches the background verticle of each trainer node. One cluster for the class: a
 * clustered start costs seconds.
 */
@TestMethodOrder(OrderAnnotation.class)
class ClusterTest {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterTest.class);
  private static final String PLANS = "/api/v1/plans";

  private static String databaseUrl;
  private static ClusterNode edgeNode;
  private static TestHttp gateway;
  private static Trainer first;
  private static Trainer second;
  private static String token;

  /** A trainer node and its HTTP port, where its answers are counted in {@code /metrics}. */
  private record Trainer(ClusterNode node, TestHttp http) {
  }

  @BeforeAll
  static void start() {
    databaseUrl = TestDatabase.create(ClusterTest.class);
    int authPort = TestPorts.free();
    int gatewayPort = TestPorts.free();
    Config cluster = Config.of(Map.ofEntries(
        Map.entry("DATABASE_URL", databaseUrl),
        Map.entry("DATABASE_POOL_SIZE", "2"),
        Map.entry("REDIS_URL", TestRedis.url()),
        Map.entry("REDIS_PREFIX", TestRedis.keyPrefix(ClusterTest.class)),
        // Other test classes may run clusters at the same time: a name and ports of this one's own.
        Map.entry("CLUSTER_NAME", "test-" + UUID.randomUUID()),
        Map.entry("CLUSTER_PORT", String.valueOf(TestPorts.free())),
        Map.entry("AUTH_PORT", String.valueOf(authPort)),
        Map.entry("GATEWAY_PORT", String.valueOf(gatewayPort)),
        // Short: a request lost to a stopping node costs the test this long.
        Map.entry("UPSTREAM_TIMEOUT_MS", "2000"),
        Map.entry("RATE_LIMIT_ENABLED", "false"),
        Map.entry("GATEWAY_INSTANCES", "1"),
        Map.entry("AUTH_JWKS_URL", "http://127.0.0.1:" + authPort + "/api/v1/auth/jwks.json"),
        Map.entry("AUTH_INSTANCES", "1"),
        Map.entry("TRAINER_INSTANCES", "1"),
        Map.entry("ARGON2_CONCURRENCY", "1")));
    // All at once, as containers start: they find each other, and migrate in turn (Flyway locks).
    ExecutorService starter = Executors.newFixedThreadPool(3);
    Future<ClusterNode> edge = starter.submit(() -> ClusterNode.start(cluster, "auth", "gateway"));
    Future<Trainer> one = starter.submit(() -> trainer(cluster));
    Future<Trainer> two = starter.submit(() -> trainer(cluster));
    starter.shutdown();
    edgeNode = started(edge);
    first = started(one);
    second = started(two);
    if (edgeNode == null || first == null || second == null) {
      // @AfterAll stops the nodes that did start and drops the database.
      throw new IllegalStateException("the cluster did not start; see the log");
    }
    gateway = new TestHttp(edgeNode.vertx, gatewayPort);
    token = login();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable node : new AutoCloseable[] {first == null ? null : first.node(), second == null ? null : second.node(),
        edgeNode}) {
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
  void a_request_to_the_gateway_is_answered_by_a_trainer_node() {
    JsonObject plan = new JsonObject().put("name", "Clustered").put("start_date", "2027-01-04").put("end_date", "2027-02-01");

    var created = gateway.post(PLANS, token, plan);

    assertThat(created.statusCode()).as("%s", created.bodyAsString()).isEqualTo(201);
    String id = created.bodyAsJsonObject().getString("id");
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
      assertThat(gateway.get(PLANS, token).statusCode()).isEqualTo(200);
    }

    double byFirst = answered(first) - firstBefore;
    double bySecond = answered(second) - secondBefore;
    assertThat(byFirst + bySecond).isEqualTo(20);
    assertThat(byFirst).isGreaterThanOrEqualTo(5);
    assertThat(bySecond).isGreaterThanOrEqualTo(5);
  }

  @Test
  @Order(3)
  void an_event_auth_publishes_reaches_the_background_of_each_trainer_node_and_is_handled_once_in_effect() throws Exception {
    String athlete = UUID.randomUUID().toString();
    String coach = UUID.randomUUID().toString();
    String share = activeShare(athlete, coach);

    try (LogCapture logs = LogCapture.of(LostCoaches.class)) {
      edgeNode.vertx.eventBus().publish(AuthEvents.COACH_LOST, new JsonObject().put("user_id", coach));

      long deadline = System.currentTimeMillis() + 10_000;
      while (logs.count("user " + coach) < 2 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      // One per node; the first revokes the share, the second finds nothing left to revoke.
      assertThat(logs.count("user " + coach + " is no longer a coach")).isEqualTo(2);
      assertThat(logs.count("user " + coach, ": 1 active share(s) revoked")).isEqualTo(1);
      assertThat(logs.count("user " + coach, ": 0 active share(s) revoked")).isEqualTo(1);
    }
    assertThat(shareStatus(share)).isEqualTo("revoked");
  }

  @Test
  @Order(4)
  void when_a_trainer_node_stops_the_other_answers_every_request_after_it() throws Exception {
    AtomicBoolean stopping = new AtomicBoolean(true);
    CompletableFuture<List<Integer>> duringStop = CompletableFuture.supplyAsync(() -> {
      List<Integer> statuses = new ArrayList<>();
      while (stopping.get()) {
        statuses.add(gateway.get(PLANS, token).statusCode());
      }
      return statuses;
    });

    second.node().close();
    stopping.set(false);
    List<Integer> sentDuringStop = duringStop.get();
    double before = answered(first);
    List<Integer> after = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      after.add(gateway.get(PLANS, token).statusCode());
    }

    assertThat(after).containsOnly(200);
    assertThat(answered(first) - before).isEqualTo(20);
    // A request sent to the node in the moment between its leaving the address and the others
    // learning of it gets no answer (the receiving event bus drops it): at most that one fails,
    // with the gateway's 504.
    assertThat(sentDuringStop).isNotEmpty();
    assertThat(sentDuringStop.stream().filter(status -> status != 200).count()).as("%s", sentDuringStop)
        .isLessThanOrEqualTo(1);
  }

  @Test
  @Order(5)
  void a_clustered_node_keeps_its_requests_on_the_shared_addresses_that_spread_them_over_the_nodes() throws Exception {
    Promise<LoopRoutes.Route> sameLoop = Promise.promise();

    edgeNode.vertx.getOrCreateContext()
        .runOnContext(onLoop -> sameLoop.complete(LoopRoutes.here(edgeNode.vertx, "auth")));

    assertThat(sameLoop.future().await(10, TimeUnit.SECONDS)).isNull();
  }

  /** An active share written as accepting an invitation leaves it; its id. */
  private static String activeShare(String athlete, String coach) throws SQLException {
    String id = UUID.randomUUID().toString();
    try (Connection connection = jdbc(); PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO trainer.shares (id, athlete_id, coach_email, coach_id, access, status, accepted_at)"
            + " VALUES (?::uuid, ?::uuid, 'coach@example.com', ?::uuid, 'read', 'active', now())")) {
      insert.setString(1, id);
      insert.setString(2, athlete);
      insert.setString(3, coach);
      insert.executeUpdate();
    }
    return id;
  }

  private static String shareStatus(String share) throws SQLException {
    try (Connection connection = jdbc();
        PreparedStatement select = connection.prepareStatement("SELECT status FROM trainer.shares WHERE id = ?::uuid")) {
      select.setString(1, share);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  private static Connection jdbc() throws SQLException {
    PgConnectOptions options = PgConnectOptions.fromUri(databaseUrl);
    return DriverManager.getConnection("jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/"
        + options.getDatabase(), options.getUser(), options.getPassword());
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

  /** Registers and logs in through the gateway: an access token of auth's. */
  private static String login() {
    JsonObject credentials = new JsonObject().put("email", "runner-" + UUID.randomUUID() + "@example.com")
        .put("password", "correct horse battery");
    var registered = gateway.post("/api/v1/auth/register", null, credentials);
    assertThat(registered.statusCode()).as("%s", registered.bodyAsString()).isEqualTo(202);
    return gateway.post("/api/v1/auth/login", null, credentials).bodyAsJsonObject().getString("access_token");
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
