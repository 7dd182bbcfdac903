package com.runningtrainer.strava.connect;

import io.vertx.core.json.JsonArray;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The scopes asked of Strava and what their absence costs. The athlete may untick any of them on
 * Strava's consent page, so the service keeps what the callback reports, never what it asked.
 */
public final class Scopes {

  public static final String READ_ALL = "activity:read_all";
  public static final String WRITE = "activity:write";
  /** Comma-separated, Strava's way. */
  public static final String REQUESTED = "read," + READ_ALL + "," + WRITE;
  private static final int MAX_SCOPES = 16;

  private Scopes() {
  }

  /** The granted scopes of the callback's {@code scope}, each once, in Strava's order. */
  public static List<String> granted(String reported) {
    if (reported == null || reported.isBlank()) {
      return List.of();
    }
    Set<String> scopes = new LinkedHashSet<>();
    Arrays.stream(reported.split(",")).map(String::strip).filter(s -> !s.isEmpty()).limit(MAX_SCOPES).forEach(scopes::add);
    return List.copyOf(scopes);
  }

  /** What the connection cannot do with these scopes, in words for the runner. */
  public static JsonArray notices(List<String> granted) {
    JsonArray notices = new JsonArray();
    if (!granted.contains(READ_ALL)) {
      notices.add("without activity:read_all, runs visible only to you on Strava are not imported: reconnect and allow it");
    }
    if (!granted.contains(WRITE)) {
      notices.add("without activity:write, workouts cannot be written to Strava: reconnect and allow it");
    }
    return notices;
  }
}
