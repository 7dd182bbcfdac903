package com.runningtrainer.trainer.share;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the active shares of a user who is no longer a coach: at once when auth publishes that the
 * coach role was removed or the account disabled, and at the trainer's start for whoever lost it
 * while the trainer was down, which auth's fire-and-forget message did not reach.
 */
public final class LostCoaches {

  private static final Logger LOG = LoggerFactory.getLogger(LostCoaches.class);
  private static final int BATCH = 200;

  private final ShareRepository shares;
  private final Identities identities;

  public LostCoaches(ShareRepository shares, Identities identities) {
    this.shares = shares;
    this.identities = identities;
  }

  /**
   * Handles auth's {@code {"user_id": "..."}}. Idempotent, as it must be: in a cluster every
   * node's background verticle receives the event, and revoking twice changes nothing.
   */
  public void onCoachLost(Message<JsonObject> message) {
    UUID coach;
    try {
      coach = UUID.fromString(message.body().getString("user_id"));
    } catch (RuntimeException e) {
      LOG.warn("coach-lost message without a user id: {}", message.body());
      return;
    }
    shares.revokeOfCoach(coach)
        .onSuccess(revoked -> LOG.info("user {} is no longer a coach: {} active share(s) revoked", coach, revoked)).onFailure(failure -> LOG.error("shares of user {}, no longer a coach, not revoked: {}", coach,
            failure.toString()));
  }

  /**
   * Revokes the active shares of every coach whom auth no longer knows as an enabled coach; how
   * many coaches lost them. Fails, changing nothing more, when auth cannot be asked.
   */
  public Future<Integer> reconcile() {
    return shares.activeCoaches().compose(coaches -> {
      List<Future<JsonArray>> asked = new ArrayList<>();
      for (int from = 0; from < coaches.size(); from += BATCH) {
        asked.add(identities.contacts(coaches.subList(from, Math.min(from + BATCH, coaches.size()))));
      }
      return Future.all(asked).compose(answers -> {
        Set<UUID> stillCoaching = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
          JsonArray contacts = answers.resultAt(i);
          contacts.forEach(contact -> {
            JsonObject account = (JsonObject) contact;
            if (account.getJsonArray("roles", new JsonArray()).contains("coach") && !account.getBoolean("disabled", false)) {
              stillCoaching.add(UUID.fromString(account.getString("id")));
            }
          });
        }
        List<UUID> lost = coaches.stream().filter(coach -> !stillCoaching.contains(coach)).toList();
        return Future.all(lost.stream().map(shares::revokeOfCoach).toList()).map(lost.size());
      });
    });
  }
}
