package com.runningtrainer.common.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How an HTTP server stops without failing a request that a client writes on a kept-alive
 * connection just as the server closes it (the client cannot tell whether it was served, so a
 * proxy answers 502). For a drain period the server still serves every request, but answers it
 * with {@code Connection: close} and closes that connection after the answer, and its health
 * check fails; a connection left idle is closed by its client once the client's own keep-alive
 * timeout passes. Only then, or as soon as no connection is left, does the server stop taking
 * connections and finish those in flight. The drain period must be longer than the keep-alive
 * timeout of the clients that keep connections open (the gateway's is
 * {@value #GATEWAY_KEEP_ALIVE_SECONDS} s).
 */
public final class ConnectionDrain {

  /** How long the gateway keeps an idle connection to a service: shorter than every service's drain. */
  public static final int GATEWAY_KEEP_ALIVE_SECONDS = 1;

  private final long drainMs;
  private final AtomicInteger open = new AtomicInteger();
  private final Promise<Void> emptied = Promise.promise();
  private volatile boolean draining;

  /** @param drainMs how long to keep serving with {@code Connection: close} before closing the rest (0: no drain) */
  public ConnectionDrain(long drainMs) {
    this.drainMs = drainMs;
  }

  /** Makes {@code server} serve with {@code handler}, counting its connections; call before it listens. */
  public HttpServer serve(HttpServer server, Handler<HttpServerRequest> handler) {
    return server.connectionHandler(connection -> {
      open.incrementAndGet();
      connection.closeHandler(closed -> {
        if (open.decrementAndGet() == 0 && draining) {
          emptied.tryComplete();
        }
      });
    }).requestHandler(request -> {
      if (draining) {
        request.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        request.connection().shutdown(drainMs, TimeUnit.MILLISECONDS);
      }
      handler.handle(request);
    });
  }

  /** A health check that fails while draining, so that load balancers look elsewhere. */
  public HealthCheck healthCheck() {
    return new HealthCheck("serving", () -> draining
        ? Future.failedFuture("the server is stopping")
        : Future.succeededFuture());
  }

  /** Drains, then shuts the server down, giving requests in flight {@code graceSeconds} to finish. */
  public Future<Void> stop(Vertx vertx, HttpServer server, int graceSeconds) {
    draining = true;
    if (drainMs > 0 && open.get() > 0) {
      long timer = vertx.setTimer(drainMs, fired -> emptied.tryComplete());
      emptied.future().onComplete(done -> vertx.cancelTimer(timer));
    } else {
      emptied.tryComplete();
    }
    return emptied.future().compose(drained -> server.shutdown(graceSeconds, TimeUnit.SECONDS));
  }
}
