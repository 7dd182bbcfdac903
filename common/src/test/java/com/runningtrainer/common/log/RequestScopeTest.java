package com.runningtrainer.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RequestScopeTest {

  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void anIdEnteredOnARequestsOwnContextStaysWithThatContext() {
    Context request = ((ContextInternal) vertx.getOrCreateContext()).duplicate();
    Context another = ((ContextInternal) vertx.getOrCreateContext()).duplicate();

    on(request, () -> {
      RequestScope.enter("abc");
      return null;
    });

    assertThat(on(request, RequestScope::currentId)).isEqualTo("abc");
    assertThat(on(another, RequestScope::currentId)).isNull();
  }

  @Test
  void anIdEnteredOnAnEventLoopsOwnContextIsIgnored() {
    // It would name every later piece of work on that loop, whichever request it serves.
    Context eventLoop = vertx.getOrCreateContext();

    on(eventLoop, () -> {
      RequestScope.enter("abc");
      return null;
    });

    assertThat(on(eventLoop, RequestScope::currentId)).isNull();
  }

  @Test
  void thereIsNoIdOutsideVertx() {
    assertThat(RequestScope.currentId()).isNull();
  }

  private static <T> T on(Context context, Callable<T> work) {
    return Future.<T>future(done -> context.runOnContext(nothing -> {
      try {
        done.complete(work.call());
      } catch (Exception e) {
        done.fail(e);
      }
    })).await();
  }
}
