package com.runningtrainer.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.VertxFactory;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A service bound on an event loop takes requests from that loop at its same-loop address, as
 * objects; the shared address is unchanged; the route closes before the service leaves.
 */
class LoopRoutesTest {

  private static final String SERVICE = "loopy";
  private static final DeliveryOptions SAME_LOOP = LoopRoutes.requestDelivery(5_000);

  private Vertx vertx;
  private String deployment;

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aRequestSentFromALoopIsServedByTheInstanceOnThatLoop() throws Exception {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    List<Instance> instances = deployTwice();

    for (Instance sender : instances) {
      for (int i = 0; i < 10; i++) {
        ApiResponse answer = onLoopOf(sender, () -> sendSameLoop()).await(10, TimeUnit.SECONDS);

        assertThat(((JsonObject) answer.body()).getString("thread")).isEqualTo(sender.thread);
      }
    }
  }

  @Test
  void theSharedAddressStillTakesJsonEnvelopes() throws Exception {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    deployTwice();

    JsonObject reply = vertx.eventBus().<JsonObject>request(ApiEventBus.address(SERVICE), request().toJson())
        .await(10, TimeUnit.SECONDS).body();

    assertThat(ApiResponse.fromJson(reply).status()).isEqualTo(200);
  }

  @Test
  void aServiceLeavingItsAddressesClosesItsSameLoopRouteFirst() throws Exception {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    Instance instance = deployTwice().get(0);
    LoopRoutes.Route route = onLoopOf(instance, () -> Future.succeededFuture(LoopRoutes.here(vertx, SERVICE)))
        .await(10, TimeUnit.SECONDS);
    assertThat(route.isOpen()).isTrue();

    vertx.undeploy(deployment).await(10, TimeUnit.SECONDS);

    assertThat(route.isOpen()).isFalse();
  }

  @Test
  void aServiceBoundOffAnEventLoopHasNoSameLoopRoute() throws Exception {
    vertx = Vertx.vertx();

    ApiEventBus.bind(vertx, SERVICE, Map.of("where", LoopRoutesTest::where)).await(10, TimeUnit.SECONDS);

    assertThat(LoopRoutes.here(vertx, SERVICE)).isNull();
  }

  @Test
  void sameLoopRequestsAreCountedUnderTheServicesSharedAddress() throws Exception {
    vertx = VertxFactory.create();
    Instance instance = deployTwice().get(0);

    onLoopOf(instance, () -> sendSameLoop()).await(10, TimeUnit.SECONDS);

    String metrics = ((PrometheusMeterRegistry) BackendRegistries.getNow(VertxFactory.metricsRegistry(vertx))).scrape();
    assertThat(metrics).contains("vertx_eventbus_processed_total{address=\"loopy.api\"");
    assertThat(metrics).doesNotContain("loopy.api@");
  }

  private Future<ApiResponse> sendSameLoop() {
    return vertx.eventBus().<ApiResponse>request(LoopRoutes.here(vertx, SERVICE).address(), request(), SAME_LOOP)
        .map(reply -> reply.body());
  }

  private static ApiRequest request() {
    return new ApiRequest("where", new JsonObject(), new JsonObject(), null, new JsonObject(), new JsonObject(), "r-1");
  }

  private static Future<ApiResponse> where(ApiRequest request) {
    return Future.succeededFuture(ApiResponse.ok(new JsonObject().put("thread", Thread.currentThread().getName())));
  }

  /**
   * Two instances of the service, each bound on its verticle's event loop, unbound when it stops;
   * {@link #deployment} undeploys both.
   */
  private List<Instance> deployTwice() throws Exception {
    List<Instance> instances = new CopyOnWriteArrayList<>();
    deployment = vertx.deployVerticle(() -> new VerticleBase() {
      private ApiEventBus.Binding binding;

      @Override
      public Future<?> start() {
        instances.add(new Instance(context, Thread.currentThread().getName()));
        return ApiEventBus.bind(vertx, SERVICE, Map.of("where", LoopRoutesTest::where))
            .andThen(bound -> binding = bound.result());
      }

      @Override
      public Future<?> stop() {
        return binding.unbind();
      }
    }, new DeploymentOptions().setInstances(2)).await(10, TimeUnit.SECONDS);
    return instances;
  }

  private static <T> Future<T> onLoopOf(Instance instance, Callable<Future<T>> work) {
    Promise<T> done = Promise.promise();
    instance.context.runOnContext(nothing -> Futures.defer(work).onComplete(done));
    return done.future();
  }

  private record Instance(Context context, String thread) {
  }
}
