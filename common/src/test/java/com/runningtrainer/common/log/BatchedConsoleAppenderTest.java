package com.runningtrainer.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.runningtrainer.common.config.Logging;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console written a batch at a time: nothing until the batch ends, then all of it in one write. */
class BatchedConsoleAppenderTest {

  private final Logger logger = Logging.logger("batched-console-test");
  private final Writes console = new Writes();
  private final BatchedConsoleAppender appender = new BatchedConsoleAppender();

  private void start() {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(logger.getLoggerContext());
    encoder.setPattern("%msg%n");
    encoder.start();
    appender.setContext(logger.getLoggerContext());
    appender.setEncoder(encoder);
    appender.setTarget(console);
    appender.start();
  }

  private void log(int lines) {
    for (int i = 0; i < lines; i++) {
      appender.doAppend(new LoggingEvent(getClass().getName(), logger, Level.INFO, "line " + i, null, null));
    }
  }

  @Test
  void aBatchsLinesReachTheConsoleInOneWriteWhenItEnds() throws IOException {
    start();
    log(100);
    assertThat(console.writes()).isEmpty();

    appender.flush();

    assertThat(console.writes()).hasSize(1);
    assertThat(console.writes().get(0).lines()).hasSize(100).startsWith("line 0").endsWith("line 99");
  }

  @Test
  void stoppingWritesWhatIsGatheredAndLeavesTheConsoleOpen() {
    start();
    log(3);

    appender.stop();

    assertThat(String.join("", console.writes())).isEqualTo("line 0\nline 1\nline 2\n");
    assertThat(console.closed).isFalse();
  }

  /** Each write made to the console, as text. */
  private static final class Writes extends ByteArrayOutputStream {

    private final List<String> writes = new ArrayList<>();
    private boolean closed;

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      writes.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
      closed = true;
    }

    synchronized List<String> writes() {
      return List.copyOf(writes);
    }
  }
}
