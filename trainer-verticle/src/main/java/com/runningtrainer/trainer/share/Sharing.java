package com.runningtrainer.trainer.share;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Page;
import com.runningtrainer.common.db.SqlStates;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An athlete's shares with coaches: invited by email, accepted by a coach whose account auth
 * vouches for now (verified email, coach role), changed or revoked by the athlete, ended by
 * either. The trainer is the one source of truth for shares; auth is asked only about people.
 */
public final class Sharing {

  private static final Logger LOG = LoggerFactory.getLogger(Sharing.class);

  private final ShareRepository shares;
  private final Identities identities;
  private final InvitationThrottle throttle;

  public Sharing(ShareRepository shares, Identities identities, InvitationThrottle throttle) {
    this.shares = shares;
    this.identities = identities;
    this.throttle = throttle;
  }

  /**
   * A pending share, and whether auth took the invitation mail. The answer is the same whether
   * or not the email has an account. Inviting takes a verified email, since the invitation is a
   * mail to someone else sent in the athlete's name; and it is throttled. When auth cannot be
   * asked, the invitation stands unmailed, and neither the verification nor inviting oneself can
   * be told: accepting refuses the latter, since nobody coaches themselves.
   */
  public Future<JsonObject> invite(UUID athlete, ShareFields share) {
    return identities.contact(athlete).otherwise((JsonObject) null).compose(me -> {
      if (me != null && !verified(me)) {
        return Future.failedFuture(Failures.forbidden("inviting a coach takes a verified email address: "
            + "follow the link mailed to you when you registered, or ask for a new one"));
      }
      if (me != null && share.coachEmail().equals(me.getString("email"))) {
        return Future.failedFuture(Failures.unprocessable("coach_email", "is your own: invite another person"));
      }
      return throttle.admit(athlete, share.coachEmail()).compose(admitted -> shares.insert(athlete, share))
          .recover(failure -> Future.failedFuture(SqlStates.isUniqueViolation(failure)
              ? Failures.conflict("a share with this coach is pending or active already")
              : failure))
          .compose(created -> notify(me != null, athlete, share).map(notified -> created.put("notified", notified)));
    });
  }

  private Future<Boolean> notify(boolean authAnswers, UUID athlete, ShareFields share) {
    if (!authAnswers) {
      return Future.succeededFuture(false);
    }
    return identities.inviteCoach(athlete, share.coachEmail(), share.access()).map(true).otherwise(failure -> {
      LOG.warn("invitation from user {} not mailed: {}", athlete, failure.toString());
      return false;
    });
  }

  public Future<JsonObject> listOfAthlete(UUID athlete, Page page) {
    return shares.pageOfAthlete(athlete, page);
  }

  public Future<JsonObject> find(UUID caller, UUID id) {
    return shares.find(caller, id).map(share -> Failures.orNotFound(share, "share"));
  }

  public Future<JsonObject> change(UUID athlete, UUID id, String access, Boolean shareStravaRuns) {
    return shares.update(athlete, id, ShareFields.access(access), shareStravaRuns)
        .map(share -> Failures.orNotFound(share, "share"));
  }

  public Future<Void> revoke(UUID caller, UUID id) {
    return shares.revoke(caller, id).map(revoked -> Failures.doneOrNotFound(revoked, "share"));
  }

  /** Pending invitations to the caller's email, once auth says it is verified. */
  public Future<JsonObject> invitations(UUID caller, Page page) {
    return identities.contact(caller).compose(me -> {
      if (!verified(me)) {
        return Future.failedFuture(Failures.forbidden("invitations are shown once your email address is verified"));
      }
      return shares.invitations(me.getString("email"), caller, page)
          .compose(answer -> withAthletes(answer, (share, athlete) -> share
              .put("athlete_email", athlete.getString("email"))
              .put("athlete_name", athlete.getString("display_name"))));
    });
  }

  /**
   * Makes the invitation active for the caller. What auth says now decides: a verified email,
   * and the coach role; an invitation to any other email is absent.
   */
  public Future<JsonObject> accept(UUID caller, UUID id) {
    return identities.contact(caller).compose(me -> {
      boolean coach = me.getJsonArray("roles", new JsonArray()).contains("coach");
      if (!verified(me)) {
        return Future.failedFuture(Failures.forbidden("accepting takes a verified email address"
            + (coach ? "" : " and the coach role, which an admin grants")));
      }
      String email = me.getString("email");
      return shares.findInvitation(id, email, caller).map(invitation -> Failures.orNotFound(invitation, "invitation"))
          .compose(invitation -> coach
              ? shares.accept(id, email, caller)
              : Future.failedFuture(Failures.forbidden("accepting takes the coach role, which an admin grants")));
    }).recover(failure -> Future.failedFuture(SqlStates.isUniqueViolation(failure)
        ? Failures.conflict("you coach this athlete already")
        : failure)).map(share -> Failures.orNotFound(share, "invitation"));
  }

  /** The coach's athletes with their email and name, which are null while auth cannot be asked. */
  public Future<JsonObject> athletes(UUID coach, Page page) {
    return shares.pageOfCoach(coach, page).compose(answer -> withAthletes(answer, (share, athlete) -> new JsonObject()
        .put("share_id", share.getString("id"))
        .put("athlete_id", share.getString("athlete_id"))
        .put("email", athlete.getString("email"))
        .put("display_name", athlete.getString("display_name"))
        .put("access", share.getString("access"))
        .put("share_strava_runs", share.getBoolean("share_strava_runs"))
        .put("since", share.getString("accepted_at"))));
  }

  /** The page with each share's item made from it and its athlete's account (empty when unknown). */
  private Future<JsonObject> withAthletes(JsonObject page, BiFunction<JsonObject, JsonObject, JsonObject> item) {
    JsonArray items = page.getJsonArray("items");
    List<UUID> ids = new ArrayList<>();
    items.forEach(share -> ids.add(UUID.fromString(((JsonObject) share).getString("athlete_id"))));
    return identities.contacts(ids).otherwise(failure -> {
      LOG.warn("athletes' names not known: {}", failure.toString());
      return new JsonArray();
    }).map(found -> {
      Map<String, JsonObject> byId = new HashMap<>();
      found.forEach(contact -> byId.put(((JsonObject) contact).getString("id"), (JsonObject) contact));
      JsonArray made = new JsonArray();
      items.forEach(share -> made.add(item.apply((JsonObject) share,
          byId.getOrDefault(((JsonObject) share).getString("athlete_id"), new JsonObject()))));
      return page.put("items", made);
    });
  }

  private static boolean verified(JsonObject account) {
    return account.getString("email") != null && account.getBoolean("email_verified", false);
  }
}
