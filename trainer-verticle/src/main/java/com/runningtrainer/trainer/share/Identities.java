package com.runningtrainer.trainer.share;

import com.runningtrainer.auth.api.AuthDirectory;
import com.runningtrainer.common.breaker.Neighbour;
import io.vertx.circuitbreaker.TimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the trainer asks auth about people, through auth's service proxy on the event bus: every
 * call bounded by a short send timeout and behind one circuit breaker. While auth cannot be
 * reached, calls fail at once with a 503 {@link ServiceException}; auth's own 4xx answers (no
 * such user) pass through, and no answer of auth (a 4xx, or a failure on one person) counts
 * against the breaker.
 */
public final class Identities {

  private final AuthDirectory auth;
  private final Neighbour neighbour;

  public Identities(Vertx vertx, long timeoutMs) {
    this.auth = AuthDirectory.createProxy(vertx, new DeliveryOptions().setSendTimeout(timeoutMs));
    this.neighbour = Neighbour.of(vertx, "trainer-auth", "auth", timeoutMs, Identities::isAway);
  }

  /** The user as auth knows them now: {@code email}, {@code email_verified}, {@code roles}, {@code display_name}. */
  public Future<JsonObject> contact(UUID userId) {
    return call(() -> auth.contact(userId.toString()));
  }

  /**
   * {@code id}, {@code email}, {@code display_name}, {@code roles} and {@code disabled} of each of
   * these users that exists.
   */
  public Future<JsonArray> contacts(List<UUID> userIds) {
    return userIds.isEmpty()
        ? Future.succeededFuture(new JsonArray())
        : call(() -> auth.contacts(userIds.stream().map(UUID::toString).toList()));
  }

  /** Has auth mail the coach an invitation from the athlete. */
  public Future<Void> inviteCoach(UUID athleteId, String coachEmail, String access) {
    return call(() -> auth.sendCoachInvitation(athleteId.toString(), coachEmail, access));
  }

  private <T> Future<T> call(Supplier<Future<T>> request) {
    return neighbour.call(request);
  }

  /**
   * Auth not there to ask: no consumer, no answer in time, or auth saying it cannot serve now.
   * Any other failure is auth's answer about the person asked for (a 404, or a failure of its own
   * on that one row), which must not stop the trainer asking about everyone else.
   */
  private static boolean isAway(Throwable failure) {
    if (failure instanceof ServiceException answer) {
      return answer.failureCode() == 503;
    }
    if (failure instanceof ReplyException reply) {
      return reply.failureType() == ReplyFailure.NO_HANDLERS || reply.failureType() == ReplyFailure.TIMEOUT;
    }
    return failure instanceof TimeoutException;
  }
}
