package com.runningtrainer.common.log;

import static java.nio.charset.StandardCharsets.UTF_8;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import com.runningtrainer.common.config.Logging;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The lines one logger writes, encoded by the production console encoder (common's tests run on
 * the production logback.xml) on the thread that logs, as the asynchronous appender copies
 * events there.
 */
final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final Encoder<ILoggingEvent> encoder;
  private final List<String> lines = new ArrayList<>();
  private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      String line = new String(encoder.encode(event), UTF_8).strip();
      synchronized (lines) {
        lines.add(line);
      }
    }
  };

  private LogCapture(String loggerName, LogFormat format) {
    this.logger = Logging.logger(loggerName);
    this.encoder = Logging.consoleEncoder()
        .orElseThrow(() -> new IllegalStateException("logback.xml's console encoder is not in use"))
        .encoder(format);
    appender.setContext(logger.getLoggerContext());
    appender.start();
    logger.addAppender(appender);
  }

  static LogCapture of(String loggerName, LogFormat format) {
    return new LogCapture(loggerName, format);
  }

  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** The first line that {@code matches}, waited for: some are written after the response has gone. */
  String await(Predicate<String> matches) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> line = lines().stream().filter(matches).findFirst();
      if (line.isPresent()) {
        return line.get();
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no such line in " + lines());
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}
