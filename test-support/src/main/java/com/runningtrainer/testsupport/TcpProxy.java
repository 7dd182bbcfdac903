package com.runningtrainer.testsupport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of a real server that a test can cut and restore, to see what a service
 * does when its database goes away mid-run and comes back.
 */
public final class TcpProxy {

  private final Vertx vertx;
  private final String targetHost;
  private final int targetPort;
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
  private NetServer server;
  private int port;

  public TcpProxy(Vertx vertx, String targetHost, int targetPort) {
    this.vertx = vertx;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
  }

  /** Starts on a free port the first time, and on the same port after {@link #cut()}. */
  public Future<Integer> start() {
    server = vertx.createNetServer().connectHandler(this::forward);
    return server.listen(port, "127.0.0.1").map(listening -> port = listening.actualPort());
  }

  /** Refuses new connections and drops every open one, as a stopped server would. */
  public Future<Void> cut() {
    sockets.forEach(NetSocket::close);
    sockets.clear();
    return server.close();
  }

  public int port() {
    return port;
  }

  private void forward(NetSocket client) {
    client.pause();
    sockets.add(client);
    vertx.createNetClient().connect(targetPort, targetHost).onComplete(connected -> {
      if (connected.failed()) {
        client.close();
        return;
      }
      NetSocket upstream = connected.result();
      sockets.add(upstream);
      client.pipeTo(upstream);
      upstream.pipeTo(client);
      client.closeHandler(v -> upstream.close());
      upstream.closeHandler(v -> client.close());
    });
  }
}
