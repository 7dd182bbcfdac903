package com.runningtrainer.pdf.storage;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A stored file being read: its length and its bytes as a stream, paused until piped.
 *
 * @param length the number of bytes the stream will give
 * @param content the bytes; pipe it to the response, which ends it
 */
public record StoredFile(long length, ReadStream<Buffer> content) {
}
