package com.runningtrainer.common.api;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.ReadStream;

/**
 * A response body too large to hold in memory (a file), streamed to the client as it is read:
 * the body of an {@link ApiResponse} of an operation served over HTTP only (marked
 * {@code x-forward: http} in its contract, so that the gateway proxies it to the service's HTTP
 * port). It does not cross the event bus: {@link ApiEventBus} answers such an operation 501.
 *
 * @param length the number of bytes the stream gives, sent as {@code Content-Length}
 * @param content the bytes, paused until piped
 */
public record StreamedBody(long length, ReadStream<Buffer> content) {

  /**
   * Pipes the bytes to the response, which it ends; a file is closed however the pipe ended (a
   * client that went away midway included).
   */
  public Future<Void> pipeTo(HttpServerResponse response) {
    response.putHeader("Content-Length", String.valueOf(length));
    return content.pipeTo(response).eventually(this::discard);
  }

  /** Lets go of the stream unread: a file is closed, anything else read to its end and dropped. */
  public Future<Void> discard() {
    if (content instanceof AsyncFile file) {
      return file.close().otherwiseEmpty();
    }
    content.handler(bytes -> { });
    content.resume();
    return Future.succeededFuture();
  }
}
