package com.runningtrainer.common.log;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxThread;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.spi.context.storage.ContextLocal;

/**
 * The id of the request being served, kept in the Vert.x context that serves it so that every
 * log line written for it carries the id ({@link RequestIdMdcFilter}).
 *
 * <p>An event loop serves many requests at once, so a thread-local cannot hold the id. Vert.x
 * gives each HTTP request and each event-bus message its own duplicated context, and the
 * continuations of the futures made while serving it (timers, database and Redis calls,
 * {@code executeBlocking}) run on that same context: the id stored there follows the request
 * and no other.
 */
public final class RequestScope {

  private static final ContextLocal<String> REQUEST_ID = RequestScopeRegistration.REQUEST_ID;

  private RequestScope() {
  }

  /**
   * Marks the work of the current context as serving {@code requestId}. Ignored outside a
   * duplicated context: the id would stick to an event loop and name unrelated work.
   */
  public static void enter(String requestId) {
    Context context = Vertx.currentContext();
    if (requestId != null && context instanceof ContextInternal internal && internal.isDuplicate()) {
      internal.putLocal(REQUEST_ID, requestId);
    }
  }

  /**
   * The id of the request the calling code serves, or {@code null} outside any request. Only a
   * Vert.x thread serves requests, and only there is Vert.x asked: this runs inside every logging
   * call, and asking on another thread could start initialising Vert.x's classes from a log line
   * while another thread initialises them and logs — a class-initialisation deadlock that hung a
   * test JVM whose test classes started their platforms at once.
   */
  public static String currentId() {
    if (!(Thread.currentThread() instanceof VertxThread)) {
      return null;
    }
    Context context = Vertx.currentContext();
    return context == null ? null : context.getLocal(REQUEST_ID);
  }
}
