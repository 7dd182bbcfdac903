package com.runningtrainer.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks on loopback ports before an embedded server is started on one. */
final class LocalPorts {

  private LocalPorts() {
  }

  /**
   * Fails unless {@code port} can be bound on the loopback address. Checked first because the
   * embedded servers would otherwise report a taken port late and vaguely, and zonky's readiness
   * probe would even take another PostgreSQL on that port for its own.
   */
  static void requireFree(int port, String setting, String server) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new StartupFailure("port " + port + " for the embedded " + server + " is in use (" + e.getMessage()
          + "): set " + setting + " to a free port, or stop what holds it (an embedded server left"
          + " running by an earlier run that was killed?)");
    }
  }
}
