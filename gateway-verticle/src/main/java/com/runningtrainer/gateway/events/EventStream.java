package com.runningtrainer.gateway.events;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** One client's open Server-Sent Events stream: events, comments to keep it open, its end. */
final class EventStream {

  private final String userId;
  private final HttpServerResponse response;

  EventStream(String userId, HttpServerResponse response) {
    this.userId = userId;
    this.response = response;
  }

  String userId() {
    return userId;
  }

  /** Sends the headers and how long a client waits before reconnecting. */
  void open(long retryMillis) {
    response.setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        // Each event must leave at once: no compression buffering it, no proxy holding it.
        .putHeader("Content-Encoding", "identity")
        .putHeader("X-Accel-Buffering", "no")
        .write("retry: " + retryMillis + "\n\n");
  }

  /** An event: its id, its type, its data as one line of JSON (which has no raw line break). */
  void send(JsonObject event) {
    if (!response.ended()) {
      response.write("id: " + event.getString("id") + "\nevent: " + event.getString("type") + "\ndata: "
          + event.getJsonObject("data", new JsonObject()).encode() + "\n\n");
    }
  }

  void keepAlive() {
    if (!response.ended()) {
      response.write(": keep-alive\n\n");
    }
  }

  void end() {
    if (!response.ended()) {
      response.end();
    }
  }
}
