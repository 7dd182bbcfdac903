package com.runningtrainer.common.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.AppenderAttachable;
import com.runningtrainer.common.log.ConsoleEncoder;
import com.runningtrainer.common.log.LogFormat;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code LOG_LEVEL} (DEBUG, INFO, WARNING, ERROR) and {@code DEBUG} to the root logger,
 * and {@code LOG_FORMAT} to the console: {@code json} or {@code text}; unset, text on a terminal
 * and JSON elsewhere (containers, CI). Both formats are configured in logback.xml.
 */
public final class Logging {

  // The names logback.xml gives the asynchronous appender and the console appender inside it.
  private static final String ASYNC_APPENDER = "ASYNC";
  private static final String CONSOLE_APPENDER = "CONSOLE";

  private Logging() {
  }

  /**
   * @throws IllegalArgumentException when {@code LOG_FORMAT} is neither {@code json} nor {@code text}
   */
  public static void configure(Config config) {
    LogFormat format = format(config, System.console() != null);
    root().setLevel(level(config));
    consoleEncoder().ifPresent(console -> console.setFormat(format));
  }

  static Level level(Config config) {
    if (config.bool("DEBUG", false)) {
      return Level.DEBUG;
    }
    String name = config.string("LOG_LEVEL", "INFO").toUpperCase();
    // The design names Python's levels; WARNING is logback's WARN.
    return Level.toLevel(name.equals("WARNING") ? "WARN" : name, Level.INFO);
  }

  static LogFormat format(Config config, boolean terminal) {
    return config.find("LOG_FORMAT").map(Logging::format).orElse(terminal ? LogFormat.TEXT : LogFormat.JSON);
  }

  private static LogFormat format(String name) {
    try {
      return LogFormat.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("LOG_FORMAT must be json or text, not '" + name + "'");
    }
  }

  /**
   * The encoder of the console appender logback.xml declares; empty under another configuration
   * (test-support's logback-test.xml), which keeps its own format.
   */
  @SuppressWarnings("unchecked")
  public static Optional<ConsoleEncoder> consoleEncoder() {
    Appender<ILoggingEvent> async = root().getAppender(ASYNC_APPENDER);
    Appender<ILoggingEvent> console = async instanceof AppenderAttachable<?> attached
        ? ((AppenderAttachable<ILoggingEvent>) attached).getAppender(CONSOLE_APPENDER) : null;
    return console instanceof OutputStreamAppender<ILoggingEvent> stream && stream.getEncoder() instanceof ConsoleEncoder encoder
        ? Optional.of(encoder) : Optional.empty();
  }

  /**
   * Logback's logger of this name. SLF4J hands out stand-ins while it initializes, which another
   * thread may be doing at that very moment (test classes start in parallel): wait for the real one.
   */
  public static Logger logger(String name) {
    while (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) {
      Thread.onSpinWait();
    }
    return (Logger) LoggerFactory.getLogger(name);
  }

  private static Logger root() {
    return logger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
