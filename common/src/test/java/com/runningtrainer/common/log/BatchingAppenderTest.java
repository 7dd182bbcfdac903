package com.runningtrainer.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.runningtrainer.common.config.Logging;
import java.io.Flushable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class BatchingAppenderTest {

  // The process's context: it holds the MDC adapter an event reads its MDC from.
  private final Logger logger = Logging.logger("batching-test");
  private final LoggerContext context = logger.getLoggerContext();
  private final Written written = new Written();
  private final BatchingAppender batching = new BatchingAppender();

  @AfterEach
  void stop() {
    batching.stop();
  }

  @Test
  void writesEveryEventInTheOrderLogged() throws InterruptedException {
    start(1_000, 5);

    for (int i = 0; i < 500; i++) {
      batching.doAppend(event("line " + i));
    }

    assertThat(written.await(500)).extracting(ILoggingEvent::getFormattedMessage)
        .containsExactlyElementsOf(numbered(500));
  }

  @Test
  void keepsTheMdcOfTheThreadThatLogged() throws InterruptedException {
    start(1_000, 5);

    MDC.put("request_id", "r-1");
    try {
      batching.doAppend(event("with an id"));
    } finally {
      MDC.remove("request_id");
    }

    assertThat(written.await(1).get(0).getMDCPropertyMap()).containsEntry("request_id", "r-1");
  }

  @Test
  void dropsWhatDoesNotFitRatherThanWaitAndSaysHowMany() throws InterruptedException {
    start(10, 60_000);
    // Its first pass over the empty queue done: logged during that pass, some lines would be
    // written at once and more would fit.
    awaitWriterAsleep();

    for (int i = 0; i < 25; i++) {
      batching.doAppend(event("line " + i));
    }
    batching.stop();

    List<ILoggingEvent> lines = written.await(11);
    assertThat(lines.subList(0, 10)).extracting(ILoggingEvent::getFormattedMessage).containsExactlyElementsOf(numbered(10));
    assertThat(lines.get(10).getLevel()).isEqualTo(Level.WARN);
    assertThat(lines.get(10).getFormattedMessage()).startsWith("15 log lines dropped");
  }

  @Test
  void stoppingWritesWhatIsStillWaiting() throws InterruptedException {
    start(1_000, 60_000);

    batching.doAppend(event("the last words"));
    batching.stop();

    assertThat(written.await(1)).extracting(ILoggingEvent::getFormattedMessage).containsExactly("the last words");
    assertThat(written.isStarted()).isFalse();
  }

  @Test
  void anAppenderThatGathersLinesIsFlushedOnceTheBatchIsWritten() throws InterruptedException {
    Gathering gathering = new Gathering();
    gathering.setContext(context);
    gathering.start();
    batching.addAppender(gathering);
    start(1_000, 5);

    batching.doAppend(event("line 0"));
    batching.doAppend(event("line 1"));

    assertThat(gathering.awaitFlushed()).containsExactly("line 0", "line 1");
  }

  private void awaitWriterAsleep() throws InterruptedException {
    String name = "log-writer-" + batching.getName();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (thread.getName().equals(name) && thread.getState() == Thread.State.TIMED_WAITING) {
          return;
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError(name + " never went to sleep");
  }

  private void start(int queueSize, long periodMs) {
    written.setContext(context);
    written.start();
    batching.setName("batching-test-" + System.identityHashCode(this));
    batching.setContext(context);
    batching.setQueueSize(queueSize);
    batching.setPeriodMs(periodMs);
    batching.addAppender(written);
    batching.start();
  }

  private LoggingEvent event(String message) {
    return new LoggingEvent(BatchingAppenderTest.class.getName(), logger, Level.INFO, message, null, null);
  }

  private static List<String> numbered(int count) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      lines.add("line " + i);
    }
    return lines;
  }

  /** An appender that gathers lines and says which it had when it was flushed. */
  private static final class Gathering extends AppenderBase<ILoggingEvent> implements Flushable {

    private final List<String> gathered = new ArrayList<>();
    private final CompletableFuture<List<String>> flushed = new CompletableFuture<>();

    @Override
    protected synchronized void append(ILoggingEvent event) {
      gathered.add(event.getFormattedMessage());
    }

    @Override
    public synchronized void flush() {
      if (gathered.size() >= 2) {
        flushed.complete(List.copyOf(gathered));
      }
    }

    List<String> awaitFlushed() {
      return flushed.orTimeout(10, TimeUnit.SECONDS).join();
    }
  }

  /** What reached the appender behind the batching one, in order. */
  private static final class Written extends AppenderBase<ILoggingEvent> {

    private final List<ILoggingEvent> events = new ArrayList<>();
    private CountDownLatch enough = new CountDownLatch(0);

    @Override
    protected synchronized void append(ILoggingEvent event) {
      events.add(event);
      enough.countDown();
    }

    List<ILoggingEvent> await(int count) throws InterruptedException {
      synchronized (this) {
        enough = new CountDownLatch(Math.max(0, count - events.size()));
      }
      assertThat(enough.await(5, TimeUnit.SECONDS)).as("%d events written", count).isTrue();
      synchronized (this) {
        return List.copyOf(events);
      }
    }
  }
}
