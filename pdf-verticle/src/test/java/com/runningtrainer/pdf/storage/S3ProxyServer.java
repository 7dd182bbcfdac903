package com.runningtrainer.pdf.storage;

import com.runningtrainer.common.config.Config;
import com.runningtrainer.testsupport.TestPorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real S3-compatible server, s3proxy, run as a process of its own (its jar is copied to
 * target/s3proxy by the build): objects kept in memory, SigV4 (and V2) checked against
 * {@link #ACCESS_KEY} and {@link #SECRET_KEY}, listening on a free port of 127.0.0.1. One per
 * test class.
 */
public final class S3ProxyServer implements AutoCloseable {

  static final String ACCESS_KEY = "rt-test-access";
  static final String SECRET_KEY = "rt-test-secret";
  static final String VIRTUAL_HOST = "localhost";
  private static final long START_TIMEOUT_MS = 60_000;

  private final Process process;
  private final Path directory;
  private final int port;

  private S3ProxyServer(Process process, Path directory, int port) {
    this.process = process;
    this.directory = directory;
    this.port = port;
  }

  /** A server of path-style requests, addressed as {@code 127.0.0.1}. */
  public static S3ProxyServer start() throws IOException, InterruptedException {
    return start(false);
  }

  /**
   * A server that also takes buckets as hosts under {@link #VIRTUAL_HOST}. It must then be
   * addressed by that name: s3proxy reads the bucket from any other host name, 127.0.0.1 too.
   */
  static S3ProxyServer startWithVirtualHosts() throws IOException, InterruptedException {
    return start(true);
  }

  private static S3ProxyServer start(boolean virtualHosts) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no s3proxy jar at " + jar.toAbsolutePath() + ": run the tests through Maven");
    }
    int port = TestPorts.free();
    Path directory = Files.createTempDirectory("s3proxy-");
    Path properties = directory.resolve("s3proxy.properties");
    Files.write(properties, List.of(
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + ACCESS_KEY,
        "s3proxy.credential=" + SECRET_KEY,
        virtualHosts ? "s3proxy.virtual-host=" + VIRTUAL_HOST : "",
        "jclouds.provider=transient",
        "jclouds.identity=unused",
        "jclouds.credential=unused"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-jar", jar.toAbsolutePath().toString(), "--properties", properties.toString())
        .redirectErrorStream(true)
        .redirectOutput(directory.resolve("s3proxy.log").toFile())
        .start();
    // Should the test JVM end without closing it (a killed fork), s3proxy must not outlive it.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    S3ProxyServer server = new S3ProxyServer(process, directory, port);
    try {
      server.awaitListening();
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  /** A bucket name of its own for each call: lower case, as S3 wants it. */
  public static String bucket(Class<?> testClass) {
    String name = testClass.getSimpleName().toLowerCase(Locale.ROOT);
    return "rt-" + name.substring(0, Math.min(name.length(), 40)) + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * The settings of a storage in {@code bucket} of this server, path-style. The timeout is generous: s3proxy's
   * first answers of a kind (a 404's exception path) took over 5 s once on a busy 2-core machine, and these
   * tests are about what the store answers, not how fast; the outage tests set short timeouts of their own.
   */
  public Config config(String bucket) {
    return Config.of(settings(bucket));
  }

  /** The settings of {@link #config}, to give a whole service. */
  public Map<String, String> settings(String bucket) {
    return Map.of(
        "S3_ENDPOINT", endpoint(),
        "S3_BUCKET", bucket,
        "S3_ACCESS_KEY", ACCESS_KEY,
        "S3_SECRET_KEY", SECRET_KEY,
        "S3_TIMEOUT_MS", "15000");
  }

  private void awaitListening() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("s3proxy ended with " + process.exitValue() + ":\n" + log());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("s3proxy did not listen on " + port + " within " + START_TIMEOUT_MS + " ms:\n" + log());
  }

  private String log() throws IOException {
    return Files.readString(directory.resolve("s3proxy.log"));
  }

  @Override
  public void close() throws InterruptedException, IOException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
