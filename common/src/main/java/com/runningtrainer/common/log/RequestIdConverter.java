package com.runningtrainer.common.log;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %requestId} in a text pattern: {@code [req <id>] } while serving a request, nothing outside one. */
public final class RequestIdConverter extends ClassicConverter {

  @Override
  public String convert(ILoggingEvent event) {
    String id = event.getMDCPropertyMap().get(RequestIdMdcFilter.KEY);
    return id == null ? "" : "[req " + id + "] ";
  }
}
