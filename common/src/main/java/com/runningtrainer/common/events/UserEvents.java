package com.runningtrainer.common.events;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * What happens to one user's data, told to the clients they have open: every service publishes
 * here, the gateway streams each event to its user alone ({@code GET /api/v1/events}).
 */
public final class UserEvents {

  /**
   * Published (to every node of a cluster) for each event: {@code id}, {@code user_id},
   * {@code type} and {@code data}.
   */
  public static final String ADDRESS = "user.events";

  private static final SecureRandom RANDOM = new SecureRandom();

  private UserEvents() {
  }

  /**
   * Tells the user's clients of an event.
   *
   * @param type what happened, e.g. {@code pdf.status}
   */
  public static void publish(Vertx vertx, String userId, String type, JsonObject data) {
    vertx.eventBus().publish(ADDRESS, new JsonObject()
        .put("id", nextId()).put("user_id", userId).put("type", type).put("data", data));
  }

  /**
   * An id that sorts by time as text, whichever node made it: milliseconds, then randomness, so
   * that a client resuming after one id is sent what came later.
   */
  static String nextId() {
    byte[] random = new byte[6];
    RANDOM.nextBytes(random);
    return String.format("%013d", System.currentTimeMillis()) + "-" + HexFormat.of().formatHex(random);
  }
}
