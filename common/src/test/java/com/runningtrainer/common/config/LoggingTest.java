package com.runningtrainer.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.runningtrainer.common.log.LogFormat;
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

  @Test
  void logsTextOnATerminalAndJsonElsewhere() {
    assertThat(Logging.format(Config.of(Map.of()), true)).isEqualTo(LogFormat.TEXT);
    assertThat(Logging.format(Config.of(Map.of()), false)).isEqualTo(LogFormat.JSON);
  }

  @Test
  void logFormatOverridesTheTerminalDetectionInAnyCase() {
    assertThat(Logging.format(Config.of(Map.of("LOG_FORMAT", "json")), true)).isEqualTo(LogFormat.JSON);
    assertThat(Logging.format(Config.of(Map.of("LOG_FORMAT", "Text")), false)).isEqualTo(LogFormat.TEXT);
  }

  @Test
  void anUnknownLogFormatIsRefusedWithTheValidOnesNamed() {
    assertThatThrownBy(() -> Logging.format(Config.of(Map.of("LOG_FORMAT", "xml")), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LOG_FORMAT must be json or text, not 'xml'");
  }
}
