package com.runningtrainer.auth.coaching;

import com.runningtrainer.auth.email.Letters;
import com.runningtrainer.auth.user.UserRepository;
import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Inputs;
import com.runningtrainer.common.mail.Mailer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the trainer asks auth about people when an athlete shares their training with a coach:
 * who a user is now (email, whether verified, roles), and the mail that invites a coach. The
 * trainer owns the shares; auth only knows the people.
 */
public final class CoachInvitations {

  private static final Logger LOG = LoggerFactory.getLogger(CoachInvitations.class);

  private final UserRepository users;
  private final Letters letters;
  private final Mailer mailer;

  public CoachInvitations(UserRepository users, Letters letters, Mailer mailer) {
    this.users = users;
    this.letters = letters;
    this.mailer = mailer;
  }

  /** The account as it is now; 404 when there is none. */
  public Future<JsonObject> contact(String userId) {
    return users.findById(Inputs.uuid("user_id", userId)).map(user -> Failures.orNotFound(user, "user"));
  }

  /**
   * {@code id}, {@code email}, {@code display_name}, {@code roles} and {@code disabled} of the
   * accounts that exist among these ids.
   */
  public Future<JsonArray> contacts(List<String> userIds) {
    List<UUID> ids = userIds.stream().map(id -> Inputs.uuid("user_ids", id)).toList();
    return users.findByIds(ids).map(found -> new JsonArray(found.stream()
        .map(user -> new JsonObject().put("id", user.getString("id")).put("email", user.getString("email"))
            .put("display_name", user.getString("display_name")).put("roles", user.getJsonArray("roles"))
            .put("disabled", user.getBoolean("disabled")))
        .toList()));
  }

  /**
   * Mails the coach's address an invitation from the athlete, once the athlete is found with a
   * verified email (403 otherwise); the mail
   * goes out after the answer, and a failure to send it is logged, so that the answer never
   * tells whether the address has an account or whether the mail server is up.
   */
  public Future<Void> invite(String athleteId, String coachEmail, String access) {
    if (coachEmail == null || !coachEmail.contains("@")) {
      return Future.failedFuture(Failures.invalid("coach_email", "must be an email address"));
    }
    return contact(athleteId).map(athlete -> {
      // The trainer checks this too; auth checks again, since the mail goes out in the name of
      // this address, which only its verified owner may use.
      if (!athlete.getBoolean("email_verified", false)) {
        throw Failures.forbidden("inviting a coach takes a verified email address");
      }
      mailer.send(letters.coachInvitation(coachEmail, athlete, access)).onFailure(failure ->
          LOG.warn("coach invitation mail from user {} not sent: {}", athleteId, failure.toString()));
      return null;
    });
  }
}
