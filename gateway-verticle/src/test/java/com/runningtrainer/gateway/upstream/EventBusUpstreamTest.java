package com.runningtrainer.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.api.ApiEventBus;
import com.runningtrainer.common.api.ApiRequest;
import com.runningtrainer.common.api.ApiResponse;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's event-bus upstream in a process that also runs the service: a request goes to the
 * service's instance on the gateway instance's own event loop, and to any other once that one
 * leaves, losing none on the way.
 */
class EventBusUpstreamTest {

  private static final String SERVICE = "nearby";

  private Vertx vertx;
  private List<Instance> instances;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    instances = new ArrayList<>();
    while (instances.size() < 2 || instances.get(0).thread.equals(instances.get(1).thread)) {
      instances.add(Instance.deploy(vertx));
      if (instances.size() > 2) {
        instances.remove(0).undeploy(vertx);
      }
    }
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void eachGatewayInstanceIsAnsweredByTheServiceOnItsOwnLoop() throws Exception {
    for (Instance instance : instances) {
      EventBusUpstream upstream = upstreamOnLoopOf(instance);

      List<String> servedOn = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        servedOn.add(servedOn(onLoopOf(instance, () -> upstream.forward(call())).await(10, TimeUnit.SECONDS)));
      }

      assertThat(servedOn).containsOnly(instance.thread);
    }
  }

  @Test
  void onceTheServiceOnItsLoopLeavesAnotherInstanceAnswers() throws Exception {
    Instance leaving = instances.get(0);
    EventBusUpstream upstream = upstreamOnLoopOf(leaving);

    leaving.undeploy(vertx);
    UpstreamAnswer answer = onLoopOf(leaving, () -> upstream.forward(call())).await(10, TimeUnit.SECONDS);

    assertThat(servedOn(answer)).isEqualTo(instances.get(1).thread);
  }

  @Test
  void aSameLoopRouteLeftOpenByAnInstanceGoneWithoutUnbindingStillReachesAnother() throws Exception {
    Instance other = instances.get(1);
    instances.get(0).undeploy(vertx);
    Instance gone = Instance.deploy(vertx, false);
    while (gone.thread.equals(other.thread)) {
      gone.undeploy(vertx);
      gone = Instance.deploy(vertx, false);
    }
    EventBusUpstream upstream = upstreamOnLoopOf(gone);

    gone.undeploy(vertx);
    UpstreamAnswer answer = onLoopOf(gone, () -> upstream.forward(call())).await(10, TimeUnit.SECONDS);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(servedOn(answer)).isEqualTo(other.thread);
  }

  private EventBusUpstream upstreamOnLoopOf(Instance instance) throws Exception {
    CircuitBreaker breaker = CircuitBreaker.create("nearby-" + instance.thread, vertx,
        new CircuitBreakerOptions().setMaxFailures(1_000).setTimeout(-1));
    return onLoopOf(instance, () -> Future.succeededFuture(new EventBusUpstream(vertx, SERVICE, 5_000, breaker)))
        .await(10, TimeUnit.SECONDS);
  }

  private static UpstreamCall call() {
    ApiRequest request = new ApiRequest("where", new JsonObject(), new JsonObject(), null, new JsonObject(),
        new JsonObject(), "r-1");
    return new UpstreamCall(request, HttpMethod.GET, "/where", MultiMap.caseInsensitiveMultiMap(), null);
  }

  private static String servedOn(UpstreamAnswer answer) {
    return answer.body().toJsonObject().getString("thread");
  }

  private static <T> Future<T> onLoopOf(Instance instance, Supplier<Future<T>> work) {
    Promise<T> done = Promise.promise();
    instance.context.runOnContext(nothing -> work.get().onComplete(done));
    return done.future();
  }

  /**
   * One instance of the service, bound on its verticle's event loop, answering after a
   * millisecond; unbound when it stops, or else only taken off the event bus by Vert.x.
   */
  private record Instance(String deployment, Context context, String thread) {

    static Instance deploy(Vertx vertx) throws Exception {
      return deploy(vertx, true);
    }

    static Instance deploy(Vertx vertx, boolean unbinds) throws Exception {
      List<Context> started = new ArrayList<>();
      String deployment = vertx.deployVerticle(new VerticleBase() {
        private ApiEventBus.Binding binding;

        @Override
        public Future<?> start() {
          started.add(context);
          return ApiEventBus.bind(vertx, SERVICE, Map.of("where", request -> vertx.timer(1)
                  .map(fired -> ApiResponse.ok(new JsonObject().put("thread", Thread.currentThread().getName())))))
              .andThen(bound -> binding = bound.result());
        }

        @Override
        public Future<?> stop() {
          return unbinds ? binding.unbind() : Future.succeededFuture();
        }
      }).await(10, TimeUnit.SECONDS);
      return new Instance(deployment, started.get(0), threadOf(started.get(0)));
    }

    void undeploy(Vertx vertx) throws Exception {
      vertx.undeploy(deployment).await(10, TimeUnit.SECONDS);
    }

    private static String threadOf(Context context) throws Exception {
      Promise<String> thread = Promise.promise();
      context.runOnContext(nothing -> thread.complete(Thread.currentThread().getName()));
      return thread.future().await(10, TimeUnit.SECONDS);
    }
  }
}
