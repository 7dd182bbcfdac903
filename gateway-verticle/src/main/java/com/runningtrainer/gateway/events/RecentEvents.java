package com.runningtrainer.gateway.events;

import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of the last few minutes, per user, so that a client that reconnects with
 * {@code Last-Event-ID} is sent what it missed. Bounded in time and in number per user; confined
 * to the event loop of its gateway instance.
 */
final class RecentEvents {

  private final long windowMillis;
  private final int perUser;
  private final Map<String, Deque<Kept>> byUser = new HashMap<>();

  RecentEvents(long windowMillis, int perUser) {
    this.windowMillis = windowMillis;
    this.perUser = perUser;
  }

  void add(String userId, JsonObject event, long nowMillis) {
    Deque<Kept> events = byUser.computeIfAbsent(userId, ignored -> new ArrayDeque<>());
    events.addLast(new Kept(event, nowMillis));
    if (events.size() > perUser) {
      events.removeFirst();
    }
  }

  /** The user's events after the one of this id, oldest first; none when the id is unknown or too old to tell. */
  List<JsonObject> after(String userId, String lastId, long nowMillis) {
    Deque<Kept> events = byUser.get(userId);
    if (events == null || lastId == null) {
      return List.of();
    }
    return events.stream()
        .filter(kept -> kept.at() >= nowMillis - windowMillis)
        .map(Kept::event)
        .filter(event -> event.getString("id").compareTo(lastId) > 0)
        .toList();
  }

  /** Forgets what is older than the window. */
  void prune(long nowMillis) {
    byUser.values().forEach(events -> {
      while (!events.isEmpty() && events.peekFirst().at() < nowMillis - windowMillis) {
        events.removeFirst();
      }
    });
    byUser.values().removeIf(Deque::isEmpty);
  }

  private record Kept(JsonObject event, long at) {
  }
}
