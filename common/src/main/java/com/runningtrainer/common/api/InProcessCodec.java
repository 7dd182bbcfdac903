package com.runningtrainer.common.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Hands an object to a consumer in the same process as it is: no JSON built, copied and read
 * back. Only for local consumers, so it never writes to the wire.
 */
final class InProcessCodec<T> implements MessageCodec<T, T> {

  private final String name;

  InProcessCodec(Class<T> type) {
    this.name = "in-process-" + type.getName();
  }

  @Override
  public void encodeToWire(Buffer buffer, T value) {
    throw new UnsupportedOperationException(name + " passes objects within the process only");
  }

  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    throw new UnsupportedOperationException(name + " passes objects within the process only");
  }

  // The sender lets go of what it sent: an ApiRequest once sent, an ApiResponse once replied.
  @Override
  public T transform(T value) {
    return value;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
