package com.runningtrainer.launcher;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.embedded.core.ExecutableProvider;

/**
 * A Redis 6.2 server run by this process for when no {@code REDIS_URL} is given. The binary
 * comes from codemonstur {@code embedded-redis}, but the process is run here rather than by
 * its {@code RedisServer}: that one registers a shutdown hook of its own, which would stop Redis
 * while the services are still finishing their requests. Its snapshots go to a data directory
 * of its own, written when it stops, so that sessions and revocations survive a restart.
 */
final class EmbeddedRedisServer implements AutoCloseable {

  private static final Duration STARTUP_WAIT = Duration.ofSeconds(10);
  private static final Duration STOP_WAIT = Duration.ofSeconds(8);
  private static final File SETSID = new File("/usr/bin/setsid");

  private final Process process;
  private final int port;

  private EmbeddedRedisServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts Redis on loopback {@code port}, its dump in {@code dataDirectory}, its output in {@code logFile}. */
  static EmbeddedRedisServer start(Path dataDirectory, int port, Path logFile) {
    LocalPorts.requireFree(port, "EMBEDDED_REDIS_PORT", "Redis");
    Process process;
    try {
      Files.createDirectories(dataDirectory);
      File binary = ExecutableProvider.newJarResourceProvider().get();
      List<String> command = new ArrayList<>();
      if (SETSID.canExecute()) {
        // A session of its own: Ctrl-C in a terminal signals the whole process group, and Redis
        // must outlive the services, which the shutdown hook stops first.
        command.add(SETSID.getPath());
      }
      command.addAll(List.of(binary.getAbsolutePath(),
          "--port", Integer.toString(port),
          "--bind", "127.0.0.1",
          "--protected-mode", "yes",
          "--daemonize", "no",
          "--dir", dataDirectory.toString(),
          "--dbfilename", "dump.rdb",
          "--appendonly", "no"));
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(Redirect.appendTo(logFile.toFile()))
          .start();
    } catch (IOException e) {
      throw new StartupFailure("the embedded Redis did not start on port " + port + ": " + e.getMessage(), e);
    }
    EmbeddedRedisServer server = new EmbeddedRedisServer(process, port);
    server.awaitReady(logFile);
    return server;
  }

  /** The {@code REDIS_URL} of database 0. */
  String url() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  private void awaitReady(Path logFile) {
    long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new StartupFailure("the embedded Redis exited at start with code " + process.exitValue() + "; see " + logFile);
      }
      if (answersPing()) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    close();
    throw new StartupFailure("the embedded Redis did not answer on port " + port + " within "
        + STARTUP_WAIT.toSeconds() + " s; see " + logFile);
  }

  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      return "+PONG".equals(reader.readLine());
    } catch (IOException notYet) {
      return false;
    }
  }

  /** SIGTERM: Redis writes its snapshot, then exits; killed if it has not within a few seconds. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
