package com.runningtrainer.launcher;

import ch.qos.logback.classic.LoggerContext;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.config.Logging;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar running-trainer.jar [--services=trainer,auth] [--cluster]}: runs the chosen
 * services (all by default) in this JVM, on embedded PostgreSQL and Redis unless
 * {@code DATABASE_URL} and {@code REDIS_URL} are set; with {@code --cluster} on an event bus
 * shared with the other nodes of the cluster, and on the given servers only. Exit codes: 1 when
 * the start fails, 2 for a command line it does not understand. Started from the jar, it runs the
 * platform in a child JVM with a class-data-sharing archive ({@link ClassArchiveLauncher}).
 */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  private static final long STARTUP_TIMEOUT_SECONDS = 60;
  private static final int EXIT_START_FAILED = 1;
  private static final int EXIT_USAGE = 2;

  private Main() {
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    Config config = Config.fromEnv();
    LaunchOptions options = options(args);
    boolean platform = !options.help() && !options.rotateKeys() && options.makeAdmin() == null;
    Path dataDirectory = Path.of(config.string("RT_DATA_DIR", "data"));
    if (platform && ClassArchiveLauncher.applies(config.string("RT_CLASS_ARCHIVE", "on"), dataDirectory)) {
      System.exit(ClassArchiveLauncher.runInChild(dataDirectory, args));
    }
    ClassArchiveLauncher.endWithParent();
    configureLogging(config);
    if (options.help()) {
      System.out.println(LaunchOptions.USAGE);
      return;
    }
    if (options.rotateKeys()) {
      command(shutdown -> LOG.info("added signing key {}: auth signs with it once every instance publishes it",
          AdminCommands.rotateKeys(config, shutdown)));
      return;
    }
    if (options.makeAdmin() != null) {
      command(shutdown -> {
        AdminCommands.makeAdmin(config, shutdown, options.makeAdmin());
        LOG.info("{} is an admin; their next token carries the role", options.makeAdmin());
      });
      return;
    }
    long started = System.nanoTime();
    ShutdownSequence shutdown = new ShutdownSequence();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      shutdown.run();
      flushLogs();
    }, "running-trainer-shutdown"));
    Application application =
        new Application(config, ServiceCatalog.named(options.services()), options.cluster(), shutdown);
    try {
      application.start().await(STARTUP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      LOG.info(application.readyMessage(started));
    } catch (Exception | LinkageError e) {
      failed(e, shutdown);
    }
  }

  /** Runs a one-off command; exit code 1 when it fails. */
  private static void command(Command command) {
    ShutdownSequence shutdown = new ShutdownSequence();
    try {
      command.run(shutdown);
    } catch (Exception e) {
      LOG.error("command failed: {}", e.getMessage() == null ? e.toString() : e.getMessage(), e);
      shutdown.run();
      flushLogs();
      System.exit(EXIT_START_FAILED);
    }
    shutdown.run();
    flushLogs();
  }

  @FunctionalInterface
  private interface Command {
    void run(ShutdownSequence shutdown) throws Exception;
  }

  private static LaunchOptions options(String[] args) {
    try {
      return LaunchOptions.parse(List.of(args), ServiceCatalog.names());
    } catch (LaunchOptions.UsageException e) {
      usageError(e.getMessage());
      throw e;
    }
  }

  /** An unknown LOG_FORMAT stops the start, said on stderr, before any line is logged in a format nobody chose. */
  private static void configureLogging(Config config) {
    try {
      Logging.configure(config);
    } catch (IllegalArgumentException e) {
      System.err.println("running-trainer: " + e.getMessage());
      System.exit(EXIT_START_FAILED);
    }
  }

  /** For the person at the terminal: plain text on stderr rather than a JSON log line. */
  private static void usageError(String message) {
    System.err.println("running-trainer: " + message);
    System.err.println(LaunchOptions.USAGE);
    System.exit(EXIT_USAGE);
  }

  private static void failed(Throwable e, ShutdownSequence shutdown) {
    if (shutdown.begun()) {
      LOG.info("start interrupted by shutdown: {}", e.toString());
      return;
    }
    String reason = e instanceof TimeoutException
        ? "the services were not up within " + STARTUP_TIMEOUT_SECONDS + " s"
        : e.getMessage() == null ? e.toString() : e.getMessage();
    if (e instanceof StartupFailure && e.getCause() == null) {
      // The message says it all: a stack trace would only bury it.
      LOG.error("start failed: {}", reason);
    } else {
      LOG.error("start failed: {}", reason, e);
    }
    shutdown.run();
    // The shutdown hook finds the sequence done and flushes the logs.
    System.exit(EXIT_START_FAILED);
  }

  /** The log appender is asynchronous: its last lines would be lost at exit without this. */
  private static void flushLogs() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.stop();
    }
  }
}
