package com.runningtrainer.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.runningtrainer.common.config.Logging;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import net.logstash.logback.argument.StructuredArgument;

/**
 * The log events of some loggers while a test runs, from INFO up, whatever the output format
 * (tests log only warnings otherwise); while captured they are not printed. Test classes run in
 * parallel in one JVM: look for what only the test's own work logs (its ids, its database).
 */
public final class LogCapture implements AutoCloseable {

  private final List<Logger> loggers;
  private final List<Level> levels;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture(List<Logger> loggers) {
    this.loggers = loggers;
    this.levels = loggers.stream().map(Logger::getLevel).toList();
    appender.start();
    loggers.forEach(logger -> {
      logger.addAppender(appender);
      logger.setLevel(Level.INFO);
      logger.setAdditive(false);
    });
  }

  /** Starts capturing what the loggers of these classes log. */
  public static LogCapture of(Class<?>... classes) {
    return new LogCapture(List.of(classes).stream()
        .map(type -> Logging.logger(type.getName())).toList());
  }

  /** Starts capturing what these loggers log, by name (e.g. {@code access}). */
  public static LogCapture ofLoggers(String... names) {
    return new LogCapture(Stream.of(names).map(Logging::logger).toList());
  }

  /**
   * The structured fields ({@code kv}, {@code v}) of every event so far whose message contains
   * these strings, each event's as the JSON encoder writes them.
   */
  public List<JsonObject> fields(String... parts) {
    return events().stream()
        .filter(event -> List.of(parts).stream().allMatch(event.getFormattedMessage()::contains))
        .map(LogCapture::fieldsOf)
        .toList();
  }

  // The appender adds while holding its own lock (AppenderBase.doAppend), not the list's.
  private List<ILoggingEvent> events() {
    synchronized (appender) {
      return List.copyOf(appender.list);
    }
  }

  private static JsonObject fieldsOf(ILoggingEvent event) {
    StringWriter json = new StringWriter();
    try (JsonGenerator generator = new JsonFactory().createGenerator(json)) {
      generator.writeStartObject();
      for (Object argument : event.getArgumentArray() == null ? new Object[0] : event.getArgumentArray()) {
        if (argument instanceof StructuredArgument field) {
          field.writeTo(generator);
        }
      }
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new JsonObject(json.toString());
  }

  /** How many events so far have a message that contains every one of these strings. */
  public long count(String... parts) {
    return events().stream()
        .map(ILoggingEvent::getFormattedMessage)
        .filter(message -> List.of(parts).stream().allMatch(message::contains))
        .count();
  }

  @Override
  public void close() {
    for (int i = 0; i < loggers.size(); i++) {
      Logger logger = loggers.get(i);
      logger.detachAppender(appender);
      logger.setLevel(levels.get(i));
      logger.setAdditive(true);
    }
    appender.stop();
  }
}
