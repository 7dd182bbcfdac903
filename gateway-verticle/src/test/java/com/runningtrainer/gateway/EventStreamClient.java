package com.runningtrainer.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A client of the gateway's event stream, as a browser holds one: what it has read so far, and whether it ended. */
final class EventStreamClient implements AutoCloseable {

  /** One event as read: its id, type and data. */
  record Event(String id, String type, String data) {
  }

  private final HttpClient client;
  private final StringBuffer text = new StringBuffer();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  final HttpClientResponse response;

  private EventStreamClient(HttpClient client, HttpClientResponse response) {
    this.client = client;
    this.response = response;
    response.handler(chunk -> text.append(chunk.toString()));
    response.endHandler(done -> ended.complete(null));
    response.exceptionHandler(failure -> ended.complete(null));
  }

  /** Opens the stream of the token's user at this gateway port, after the event of {@code lastEventId} when given. */
  static EventStreamClient open(Vertx vertx, int port, String token, String lastEventId) {
    HttpClient client = vertx.createHttpClient();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setPort(port).setHost("127.0.0.1")
        .setURI("/api/v1/events");
    if (token != null) {
      options.putHeader("Authorization", "Bearer " + token);
    }
    if (lastEventId != null) {
      options.putHeader("Last-Event-ID", lastEventId);
    }
    // The handlers are set on the event loop as the headers arrive: data read before them would be lost.
    return client.request(options)
        .compose(request -> request.send().map(response -> new EventStreamClient(client, response))).await();
  }

  String text() {
    return text.toString();
  }

  List<Event> events() {
    List<Event> events = new ArrayList<>();
    for (String block : text().split("\n\n")) {
      String id = null;
      String type = null;
      String data = null;
      for (String line : block.split("\n")) {
        if (line.startsWith("id: ")) {
          id = line.substring(4);
        } else if (line.startsWith("event: ")) {
          type = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data = line.substring(6);
        }
      }
      if (id != null) {
        events.add(new Event(id, type, data));
      }
    }
    return events;
  }

  Event awaitEvent(Predicate<Event> wanted, Duration within) throws InterruptedException {
    long deadline = System.currentTimeMillis() + within.toMillis();
    while (System.currentTimeMillis() < deadline) {
      for (Event event : events()) {
        if (wanted.test(event)) {
          return event;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no such event within " + within + "; read: " + text());
  }

  void awaitText(String part, Duration within) throws InterruptedException {
    long deadline = System.currentTimeMillis() + within.toMillis();
    while (!text().contains(part)) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("no '" + part + "' within " + within + "; read: " + text());
      }
      Thread.sleep(20);
    }
  }

  boolean awaitEnd(Duration within) {
    try {
      ended.get(within.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() {
    client.close().await();
  }
}
