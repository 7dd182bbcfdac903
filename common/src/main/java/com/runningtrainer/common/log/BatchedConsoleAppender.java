package com.runningtrainer.common.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.BufferedOutputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The console (standard output) for {@link BatchingAppender}: a batch's lines are gathered and
 * written together when it ends ({@link #flush}). logback's {@code ConsoleAppender} writes through
 * {@code System.out}, which flushes every line: a system call per access-log line, as much CPU as
 * encoding the line (bench/README.md, "The log a batch at a time").
 */
public final class BatchedConsoleAppender extends OutputStreamAppender<ILoggingEvent> implements Flushable {

  private static final int BUFFER_BYTES = 64 * 1024;

  private OutputStream target;

  /** Where the lines go instead of System.out (a test's). */
  void setTarget(OutputStream target) {
    this.target = target;
  }

  @Override
  public void start() {
    setImmediateFlush(false);
    // System.out as it is now (a test runner may have replaced it), never closed: whatever is
    // printed after the log stops still reaches it.
    setOutputStream(new BufferedOutputStream(target != null ? target : System.out, BUFFER_BYTES) {
      @Override
      public void close() throws IOException {
        flush();
      }
    });
    super.start();
  }

  /** Writes what the batch gathered. */
  @Override
  public void flush() throws IOException {
    OutputStream stream = getOutputStream();
    if (stream == null) {
      return;
    }
    streamWriteLock.lock();
    try {
      stream.flush();
    } finally {
      streamWriteLock.unlock();
    }
  }
}
