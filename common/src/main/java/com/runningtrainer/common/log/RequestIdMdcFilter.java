package com.runningtrainer.common.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Objects;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * Puts the id of the request being served ({@link RequestScope}) in the MDC as
 * {@value #KEY} just before each log event is built, and removes it outside a request. Filters
 * nothing.
 *
 * <p>The MDC alone would be wrong on an event loop, where one thread serves many requests. Here
 * it only carries the id from the Vert.x context into the event: logback runs this on the logging
 * thread right before it builds the event, and the event copies the MDC on that same thread
 * (the asynchronous appender copies it before handing the event over). The JSON encoder writes
 * MDC entries as fields; the text layout reads it with {@link RequestIdConverter}.
 */
public final class RequestIdMdcFilter extends TurboFilter {

  /** The field name, the same as the access log's. */
  public static final String KEY = "request_id";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    String id = RequestScope.currentId();
    if (!Objects.equals(id, MDC.get(KEY))) {
      if (id == null) {
        MDC.remove(KEY);
      } else {
        MDC.put(KEY, id);
      }
    }
    return FilterReply.NEUTRAL;
  }
}
