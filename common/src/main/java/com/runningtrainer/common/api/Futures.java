package com.runningtrainer.common.api;

import io.vertx.core.Future;
import java.util.concurrent.Callable;

/** Bridges synchronous code that may throw into Future chains. */
public final class Futures {

  private Futures() {
  }

  /**
   * The value, or a failed future with what was thrown. Input checks throw; a caller waiting on
   * the future (an HTTP client, an event-bus sender) must still get an answer.
   */
  public static <T> Future<T> attempt(Callable<T> work) {
    try {
      return Future.succeededFuture(work.call());
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
  }

  /** Runs asynchronous work, turning anything it throws instead of returning into a failed future. */
  public static <T> Future<T> defer(Callable<Future<T>> work) {
    return attempt(work).compose(future -> future);
  }

  public static Future<ApiResponse> handle(ApiHandler handler, ApiRequest request) {
    // The one way into a handler, over HTTP and on the event bus alike: text no database can
    // store is refused here, before the handler does any work.
    return defer(() -> {
      StorableText.check(request);
      return handler.handle(request);
    });
  }
}
