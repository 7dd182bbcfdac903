package com.runningtrainer.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoggingTest {

  @Test
  void readsTheDesignsLevelNamesWithWarningAsWarn() {
    assertThat(Logging.level(Config.of(Map.of("LOG_LEVEL", "WARNING")))).isEqualTo(Level.WARN);
    assertThat(Logging.level(Config.of(Map.of("LOG_LEVEL", "error")))).isEqualTo(Level.ERROR);
  }

  @Test
  void defaultsToInfo() {
    assertThat(Logging.level(Config.of(Map.of()))).isEqualTo(Level.INFO);
  }

  @Test
  void debugModeLogsEverything() {
    assertThat(Logging.level(Config.of(Map.of("DEBUG", "true", "LOG_LEVEL", "ERROR")))).isEqualTo(Level.DEBUG);
  }
}
