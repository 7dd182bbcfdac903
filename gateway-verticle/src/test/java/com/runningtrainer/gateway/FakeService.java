package com.runningtrainer.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a service instance reached over HTTP, whose behaviour a test sets: it answers
 * 200 with what it received, answers 500 (to every request, or to those of one path, as a
 * request whose content breaks the service), answers 503 as a service that is down, redirects
 * to {@link #MOVED} (which it answers), or never answers; it can be stopped and started again
 * on its port. It remembers the request id of every request it got.
 */
final class FakeService implements AutoCloseable {

  enum Mode { ANSWER, FAIL, UNAVAILABLE, REDIRECT, HANG }

  /** Where it redirects to in {@link Mode#REDIRECT}: a path it answers 200 at, whatever the mode. */
  static final String MOVED = "/moved";

  private final Vertx vertx;
  private final int port;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private volatile Mode mode = Mode.ANSWER;
  private volatile String failingPath;
  private HttpServer server;

  FakeService(Vertx vertx, int port) {
    this.vertx = vertx;
    this.port = port;
  }

  FakeService start() {
    server = vertx.createHttpServer().requestHandler(this::handle).listen(port).await();
    return this;
  }

  void stop() {
    server.close().await();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  FakeService mode(Mode mode) {
    this.mode = mode;
    return this;
  }

  /** Answers 500 to every request of this path, whatever the mode says for the others. */
  FakeService failingOn(String path) {
    this.failingPath = path;
    return this;
  }

  /** The request ids of the requests that reached it, in order. */
  List<String> received() {
    return received;
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      received.add(request.getHeader("X-Request-Id"));
      Mode answering = failingPath != null && request.path().equals(failingPath) ? Mode.FAIL
          : request.path().equals(MOVED) ? Mode.ANSWER : mode;
      switch (answering) {
        case ANSWER -> {
          JsonObject headers = new JsonObject();
          request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
          request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
              .put("port", port).put("method", request.method().name()).put("uri", request.uri())
              .put("headers", headers).put("body", body.toString()).encode());
        }
        case FAIL -> request.response().setStatusCode(500).putHeader("Content-Type", "application/problem+json")
            .end(new JsonObject().put("status", 500).put("title", "Internal Server Error").encode());
        case UNAVAILABLE -> request.response().setStatusCode(503).putHeader("Content-Type", "application/problem+json")
            .end(new JsonObject().put("status", 503).put("title", "Service Unavailable").encode());
        case REDIRECT -> request.response().setStatusCode(302).putHeader("Location", baseUrl() + MOVED).end();
        case HANG -> {
          // Never answers: the gateway's timeout must speak.
        }
      }
    });
  }

  @Override
  public void close() {
    if (server != null) {
      server.close().await();
    }
  }
}
