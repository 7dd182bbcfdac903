package com.runningtrainer.common.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import java.io.Flushable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands events to the appenders attached to it (the console) on a thread of its own, as logback's
 * {@code AsyncAppender} does, but in batches: its thread wakes every {@link #setPeriodMs period}
 * and writes what has come since. {@code AsyncAppender}'s waits on its queue, so nearly every
 * access-log line cost the event loop that logged it a wake-up of that thread and a context switch:
 * at 20,000 requests a second that thread took a tenth of the JVM's CPU even with nothing to
 * write, and the plan read's p99 went from ~8 to ~30 ms (bench/README.md, "The log in batches").
 * The event is prepared on the thread that logs (message, MDC, thread name). A full queue drops
 * the event rather than hold up an event loop, and the next batch says how many were dropped.
 */
public final class BatchingAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
    implements AppenderAttachable<ILoggingEvent> {

  private static final long STOP_WAIT_MS = 2_000;

  private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();
  private final AtomicLong dropped = new AtomicLong();
  private int queueSize = 8_192;
  private long periodMs = 20;
  private BlockingQueue<ILoggingEvent> queue;
  private Thread writer;

  /** How many events may wait to be written; more are dropped (and counted). */
  public void setQueueSize(int queueSize) {
    this.queueSize = queueSize;
  }

  /** How long the writer sleeps between batches: the most a line waits. */
  public void setPeriodMs(long periodMs) {
    this.periodMs = periodMs;
  }

  @Override
  public void start() {
    if (!appenders.iteratorForAppenders().hasNext()) {
      addError("BatchingAppender " + getName() + " has no appender to write to");
      return;
    }
    queue = new ArrayBlockingQueue<>(queueSize);
    writer = new Thread(this::write, "log-writer-" + getName());
    writer.setDaemon(true);
    super.start();
    writer.start();
  }

  @Override
  protected void append(ILoggingEvent event) {
    event.prepareForDeferredProcessing();
    // offer, never put: the thread that logs is an event loop. The writer sleeps rather than
    // waits on the queue, so offering wakes no one.
    if (!queue.offer(event)) {
      dropped.incrementAndGet();
    }
  }

  private void write() {
    List<ILoggingEvent> batch = new ArrayList<>();
    while (isStarted()) {
      writeWaiting(batch);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(periodMs));
    }
    writeWaiting(batch);
  }

  private void writeWaiting(List<ILoggingEvent> batch) {
    queue.drainTo(batch);
    for (ILoggingEvent event : batch) {
      appenders.appendLoopOnAppenders(event);
    }
    batch.clear();
    long lost = dropped.getAndSet(0);
    if (lost > 0) {
      appenders.appendLoopOnAppenders(droppedLines(lost));
    }
    flushAppenders();
  }

  // An appender that gathers a batch's lines (BatchedConsoleAppender) writes them now.
  private void flushAppenders() {
    for (Iterator<Appender<ILoggingEvent>> it = appenders.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof Flushable gathering) {
        try {
          gathering.flush();
        } catch (IOException e) {
          addError("cannot write the log's batch", e);
        }
      }
    }
  }

  private ILoggingEvent droppedLines(long count) {
    var logger = ((LoggerContext) getContext()).getLogger(BatchingAppender.class);
    return new LoggingEvent(BatchingAppender.class.getName(), logger, Level.WARN,
        "{} log lines dropped: they came faster than they could be written", null, new Object[] {count});
  }

  /** Writes what is still waiting, then stops the appenders it writes to. */
  @Override
  public void stop() {
    if (!isStarted()) {
      return;
    }
    super.stop();
    LockSupport.unpark(writer);
    try {
      writer.join(STOP_WAIT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    appenders.detachAndStopAllAppenders();
  }

  @Override
  public void addAppender(Appender<ILoggingEvent> appender) {
    appenders.addAppender(appender);
  }

  @Override
  public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
    return appenders.iteratorForAppenders();
  }

  @Override
  public Appender<ILoggingEvent> getAppender(String name) {
    return appenders.getAppender(name);
  }

  @Override
  public boolean isAttached(Appender<ILoggingEvent> appender) {
    return appenders.isAttached(appender);
  }

  @Override
  public void detachAndStopAllAppenders() {
    appenders.detachAndStopAllAppenders();
  }

  @Override
  public boolean detachAppender(Appender<ILoggingEvent> appender) {
    return appenders.detachAppender(appender);
  }

  @Override
  public boolean detachAppender(String name) {
    return appenders.detachAppender(name);
  }
}
