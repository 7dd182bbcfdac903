package com.runningtrainer.launcher;

import com.runningtrainer.auth.admin.AdminBootstrap;
import com.runningtrainer.common.config.Settings;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The operator's {@code --make-admin} for the journeys in Node, over a small HTTP hook: {@code
 * POST /admin?email=<address>} makes that registered account an admin (204; 404 when there is
 * none), who then grants roles over the admin API as a real admin does: how a journey gets a coach.
 */
final class AdminMaker implements AutoCloseable {

  private final Vertx vertx;
  private final Settings settings;
  private final HttpServer server;

  private AdminMaker(Vertx vertx, Settings settings, HttpServer server) {
    this.vertx = vertx;
    this.settings = settings;
    this.server = server;
  }

  static AdminMaker start(Vertx vertx, Settings settings) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AdminMaker maker = new AdminMaker(vertx, settings, server);
    server.createContext("/admin", maker::answer);
    server.start();
    return maker;
  }

  /** Where the journeys make an admin. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/admin";
  }

  private void answer(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    String email = query == null || !query.startsWith("email=") ? "" : URLDecoder.decode(query.substring(6), StandardCharsets.UTF_8);
    int status;
    try {
      // This server's own thread, not one of Vert.x's: waiting here blocks no event loop.
      AdminBootstrap.makeAdmin(vertx, settings, email).await();
      status = 204;
    } catch (RuntimeException notMade) {
      status = 404;
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
