package com.runningtrainer.common.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Applies {@code LOG_LEVEL} (DEBUG, INFO, WARNING, ERROR) and {@code DEBUG} to the root logger. */
public final class Logging {

  private Logging() {
  }

  public static void configure(Config config) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(level(config));
  }

  static Level level(Config config) {
    if (config.bool("DEBUG", false)) {
      return Level.DEBUG;
    }
    String name = config.string("LOG_LEVEL", "INFO").toUpperCase();
    // The design names Python's levels; WARNING is logback's WARN.
    return Level.toLevel(name.equals("WARNING") ? "WARN" : name, Level.INFO);
  }
}
