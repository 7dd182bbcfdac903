package com.runningtrainer.gateway;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.gateway.FakeService.Mode;
import com.runningtrainer.testsupport.TestHttp;
import com.runningtrainer.testsupport.TestPorts;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway forwarding the trainer's operations over HTTP to instances a test controls. */
class GatewayUpstreamTest {

  private static final String PLANS = "/api/v1/plans";
  private static final int MAX_FAILURES = 3;

  private static GatewayPlatform platform;
  private static String token;
  private final List<FakeService> fakes = new ArrayList<>();

  @BeforeAll
  static void start() {
    platform = GatewayPlatform.start(GatewayUpstreamTest.class, Map.of(), false);
    token = platform.newUser();
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @AfterEach
  void stopFakes() {
    fakes.forEach(FakeService::close);
  }

  private FakeService fake() {
    FakeService fake = new FakeService(platform.vertx, TestPorts.free()).start();
    fakes.add(fake);
    return fake;
  }

  /** A gateway of its own whose trainer upstream is these instances. */
  private static TestHttp gatewayTo(FakeService... instances) {
    return gatewayTo(Map.of(), instances);
  }

  private static TestHttp gatewayTo(Map<String, String> settings, FakeService... instances) {
    var urls = String.join(",", Arrays.stream(instances).map(FakeService::baseUrl).toList());
    var all = new HashMap<>(Map.of("TRAINER_UPSTREAM", urls, "BREAKER_MAX_FAILURES", String.valueOf(MAX_FAILURES),
        "BREAKER_RESET_MS", "1000", "UPSTREAM_TIMEOUT_MS", "500", "GATEWAY_INSTANCES", "1"));
    all.putAll(settings);
    return platform.gateway(all);
  }

  @Test
  void forwardsTheTokenTheRequestIdAndTheClientsAddress() {
    TestHttp gateway = gatewayTo(fake());

    var answer = gateway.request(HttpMethod.GET, PLANS + "?limit=5", token).putHeader("X-Request-Id", "up-1").send().await()
        .bodyAsJsonObject();

    assertThat(answer.getString("uri")).isEqualTo(PLANS + "?limit=5");
    var headers = answer.getJsonObject("headers");
    assertThat(headers.getString("authorization")).isEqualTo("Bearer " + token);
    assertThat(headers.getString("x-request-id")).isEqualTo("up-1");
    assertThat(headers.getString("x-forwarded-for")).isEqualTo("127.0.0.1");
  }

  @Test
  void passesAnUpstreams500OnAsItIs() {
    TestHttp gateway = gatewayTo(fake().mode(Mode.FAIL));

    var response = gateway.get(PLANS, token);

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.bodyAsJsonObject().getString("title")).isEqualTo("Internal Server Error");
  }

  @Test
  void passesARedirectOnForTheClientToFollow() {
    FakeService trainer = fake().mode(Mode.REDIRECT);
    TestHttp gateway = gatewayTo(trainer);

    var response = gateway.request(HttpMethod.GET, PLANS, token).followRedirects(false).send().await();

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.getHeader("Location")).isEqualTo(trainer.baseUrl() + FakeService.MOVED);
  }

  @Test
  void givenABurstOfRequestsThatFailOnTheirOwnContentThenOtherUsersAreStillServed() {
    String brokenPlan = PLANS + "/" + UUID.randomUUID();
    FakeService trainer = fake().failingOn(brokenPlan);
    TestHttp gateway = gatewayTo(trainer);
    IntStream.range(0, MAX_FAILURES * 3).forEach(i -> assertThat(gateway.get(brokenPlan, token).statusCode())
        .isEqualTo(500));

    var otherUser = gateway.get(PLANS, platform.newUser());

    assertThat(otherUser.statusCode()).isEqualTo(200);
    assertThat(gateway.get("/metrics", null).bodyAsString())
        .containsPattern("circuit_breaker_state\\{name=\"trainer@" + trainer.baseUrl() + "\",?} 0\\.0");
  }

  @Test
  void givenAnUpstreamThatAnswers503ThenItOpensAndFailsFastWithoutCalling() {
    FakeService failing = fake().mode(Mode.UNAVAILABLE);
    TestHttp gateway = gatewayTo(failing);
    IntStream.range(0, MAX_FAILURES).forEach(i -> gateway.get(PLANS, token));

    var response = gateway.get(PLANS, token);

    assertProblem(response, 503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("1");
    assertThat(failing.received()).hasSize(MAX_FAILURES);
  }

  @Test
  void closesAgainOnceTheUpstreamAnswersAfterTheResetTime() throws InterruptedException {
    FakeService flaky = fake().mode(Mode.UNAVAILABLE);
    TestHttp gateway = gatewayTo(flaky);
    IntStream.range(0, MAX_FAILURES).forEach(i -> gateway.get(PLANS, token));
    flaky.mode(Mode.ANSWER);
    Thread.sleep(1_200);

    var probe = gateway.get(PLANS, token);
    var next = gateway.get(PLANS, token);

    assertThat(probe.statusCode()).isEqualTo(200);
    assertThat(next.statusCode()).isEqualTo(200);
  }

  @Test
  void exportsTheBreakersStateInMetrics() {
    FakeService failing = fake().mode(Mode.UNAVAILABLE);
    TestHttp gateway = gatewayTo(failing);
    IntStream.range(0, MAX_FAILURES).forEach(i -> gateway.get(PLANS, token));

    String metrics = gateway.get("/metrics", null).bodyAsString();

    assertThat(metrics).containsPattern("circuit_breaker_state\\{name=\"trainer@" + failing.baseUrl() + "\",?} 2\\.0");
  }

  @Test
  void answers504WhenTheUpstreamDoesNotAnswerInTime() {
    TestHttp gateway = gatewayTo(fake().mode(Mode.HANG));

    var response = gateway.get(PLANS, token);

    assertThat(assertProblem(response, 504).getString("detail")).contains("trainer");
  }

  @Test
  void answers503WhenTheUpstreamIsStopped() {
    FakeService stopped = fake();
    TestHttp gateway = gatewayTo(stopped);
    stopped.stop();

    var response = gateway.get(PLANS, token);

    assertThat(assertProblem(response, 503).getString("detail")).contains("cannot be reached");
  }

  @Test
  void takesTheInstancesInTurn() {
    FakeService first = fake();
    FakeService second = fake();
    TestHttp gateway = gatewayTo(first, second);

    IntStream.range(0, 4).forEach(i -> gateway.get(PLANS, token));

    assertThat(first.received()).hasSize(2);
    assertThat(second.received()).hasSize(2);
  }

  @Test
  void sendsEveryRequestToTheOtherInstanceWhileOneIsStopped() {
    FakeService stopped = fake();
    FakeService running = fake();
    TestHttp gateway = gatewayTo(stopped, running);
    stopped.stop();

    List<HttpResponse<Buffer>> answers = IntStream.range(0, 6).mapToObj(i -> gateway.get(PLANS, token)).toList();

    assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
    assertThat(running.received()).hasSize(6).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(answers.stream().map(answer -> answer.getHeader("X-Request-Id")).toList());
  }

  @Test
  void refusesWith503WhenTooManyRequestsWaitForAConnection() {
    TestHttp gateway = gatewayTo(Map.of("UPSTREAM_POOL_SIZE", "1", "UPSTREAM_QUEUE_SIZE", "1"), fake().mode(Mode.HANG));

    List<HttpResponse<Buffer>> answers = Future.all(IntStream.range(0, 3)
            .mapToObj(i -> gateway.request(HttpMethod.GET, PLANS, token).send()).toList())
        .await().list();

    assertThat(answers).anySatisfy(answer ->
        assertThat(assertProblem(answer, 503).getString("detail")).contains("waiting for the trainer service"));
  }
}
