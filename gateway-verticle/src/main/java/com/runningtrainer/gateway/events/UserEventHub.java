package com.runningtrainer.gateway.events;

import com.runningtrainer.common.events.UserEvents;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event streams open at one gateway instance, and the events of {@link UserEvents#ADDRESS}
 * sent to them: each to the streams of its own user alone. Every instance of every gateway hears
 * every event (it is published), and keeps the recent ones for clients that reconnect. Confined
 * to the instance's event loop.
 */
public final class UserEventHub {

  private static final long PRUNE_MS = 30_000;

  private final Vertx vertx;
  private final int streamsPerUser;
  private final RecentEvents recent;
  private final Map<String, Set<EventStream>> open = new HashMap<>();
  private MessageConsumer<JsonObject> consumer;
  private long pruning;

  public UserEventHub(Vertx vertx, EventSettings settings) {
    this.vertx = vertx;
    this.streamsPerUser = settings.streamsPerUser();
    this.recent = new RecentEvents(settings.replaySeconds() * 1000, settings.replayPerUser());
  }

  public Future<Void> start() {
    consumer = vertx.eventBus().consumer(UserEvents.ADDRESS, message -> deliver(message.body()));
    pruning = vertx.setPeriodic(PRUNE_MS, tick -> recent.prune(System.currentTimeMillis()));
    return consumer.completion();
  }

  /** Ends every stream (clients reconnect to another instance) and stops listening. */
  public Future<Void> stop() {
    vertx.cancelTimer(pruning);
    new ArrayList<>(open.values()).forEach(streams -> new ArrayList<>(streams).forEach(EventStream::end));
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  /** Registers a stream; false when its user has as many open here as allowed. */
  boolean add(EventStream stream) {
    Set<EventStream> streams = open.computeIfAbsent(stream.userId(), ignored -> new LinkedHashSet<>());
    if (streams.size() >= streamsPerUser) {
      return false;
    }
    streams.add(stream);
    return true;
  }

  void remove(EventStream stream) {
    Set<EventStream> streams = open.get(stream.userId());
    if (streams != null && streams.remove(stream) && streams.isEmpty()) {
      open.remove(stream.userId());
    }
  }

  /** What the user missed after the event of this id, still remembered. */
  List<JsonObject> missed(String userId, String lastId) {
    return recent.after(userId, lastId, System.currentTimeMillis());
  }

  private void deliver(JsonObject event) {
    String userId = event.getString("user_id");
    if (userId == null || event.getString("id") == null) {
      return;
    }
    recent.add(userId, event, System.currentTimeMillis());
    Set<EventStream> streams = open.get(userId);
    if (streams != null) {
      List.copyOf(streams).forEach(stream -> stream.send(event));
    }
  }
}
