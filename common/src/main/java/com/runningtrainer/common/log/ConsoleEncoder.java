package com.runningtrainer.common.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * Encodes with the {@code json} or the {@code text} encoder that logback.xml configures inside
 * it, whichever {@link #setFormat} chose (JSON until then). Both are configured in one place;
 * the choice is made at start from the environment ({@code Logging}).
 */
public final class ConsoleEncoder extends EncoderBase<ILoggingEvent> {

  private Encoder<ILoggingEvent> json;
  private Encoder<ILoggingEvent> text;
  private volatile LogFormat format = LogFormat.JSON;

  public void setJson(Encoder<ILoggingEvent> json) {
    this.json = json;
  }

  public void setText(Encoder<ILoggingEvent> text) {
    this.text = text;
  }

  public void setFormat(LogFormat format) {
    this.format = format;
  }

  /** The encoder used for {@code format}. */
  public Encoder<ILoggingEvent> encoder(LogFormat format) {
    return format == LogFormat.TEXT ? text : json;
  }

  @Override
  public void start() {
    if (json == null || text == null) {
      addError("ConsoleEncoder needs both a <json> and a <text> encoder");
      return;
    }
    super.start();
  }

  @Override
  public byte[] headerBytes() {
    return encoder(format).headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return encoder(format).encode(event);
  }

  @Override
  public byte[] footerBytes() {
    return encoder(format).footerBytes();
  }
}
