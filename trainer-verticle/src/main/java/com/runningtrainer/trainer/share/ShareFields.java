package com.runningtrainer.trainer.share;

import com.runningtrainer.common.api.Failures;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Set;

/** An invitation's fields, read from a validated body; the email lower-cased as auth stores emails. */
public record ShareFields(String coachEmail, String access, boolean shareStravaRuns) {

  public static final Set<String> ACCESS = Set.of("read", "read_write");

  public static ShareFields from(JsonObject body) {
    String email = body.getString("coach_email");
    if (email == null || !email.contains("@")) {
      throw Failures.invalid("coach_email", "must be an email address");
    }
    if (body.getString("access") == null) {
      throw Failures.invalid("access", "is required");
    }
    return new ShareFields(email.trim().toLowerCase(Locale.ROOT), access(body.getString("access")),
        body.getBoolean("share_strava_runs", false));
  }

  /** The access named, checked; null stays null. */
  public static String access(String access) {
    if (access != null && !ACCESS.contains(access)) {
      throw Failures.invalid("access", "must be read or read_write");
    }
    return access;
  }
}
