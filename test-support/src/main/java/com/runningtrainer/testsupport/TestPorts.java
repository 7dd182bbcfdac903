package com.runningtrainer.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free local ports, for services that must know each other's port before they start.
 *
 * <p>A port is free when asked and bound a moment later, so it must not be taken in between.
 * Ports the kernel hands out itself ({@code new ServerSocket(0)}) come from the ephemeral range
 * (32768–60999 on Linux), the very range every outgoing connection of every process takes its
 * local port from: on a busy machine one was now and then taken before the service bound it
 * ("Address already in use"). These come from below that range, at random, never twice in one
 * JVM, and are checked free on every address.
 */
public final class TestPorts {

  private static final int LOWEST = 20_000;
  private static final int HIGHEST = 32_000;
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private TestPorts() {
  }

  public static int free() {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST + 1);
      if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port between " + LOWEST + " and " + HIGHEST);
  }

  private static boolean bindable(int port) {
    return bindable(new InetSocketAddress(port)) && bindable(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
  }

  private static boolean bindable(InetSocketAddress address) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(address);
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
