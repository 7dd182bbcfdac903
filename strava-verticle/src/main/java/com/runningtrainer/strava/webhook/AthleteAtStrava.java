package com.runningtrainer.strava.webhook;

import com.runningtrainer.strava.api.RateBudget.Priority;
import com.runningtrainer.strava.api.StravaClient;
import com.runningtrainer.strava.connect.StravaTokens;
import com.runningtrainer.strava.oauth.StravaAnswer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.util.UUID;

/**
 * A connected athlete as Strava knows them now, which is what an athlete event is checked
 * against. Strava signs no webhook event and anybody may post one naming any athlete (their ids
 * are public), so a deauthorization is believed only when Strava itself refuses the connection's
 * tokens: a refresh it refuses (the connection no longer usable, 409), or a 401 to
 * {@code GET /athlete}. Strava being away fails, to be tried again.
 */
public final class AthleteAtStrava {

  private final StravaTokens tokens;
  private final StravaClient strava;

  public AthleteAtStrava(StravaTokens tokens, StravaClient strava) {
    this.tokens = tokens;
    this.strava = strava;
  }

  /** The owner's athlete profile ({@code GET /athlete}); null when Strava no longer accepts their authorization. */
  public Future<JsonObject> profile(UUID owner) {
    return tokens.accessToken(owner)
        .compose(token -> strava.athlete(token, Priority.INTERACTIVE))
        .recover(failure -> {
          if (failure instanceof StravaAnswer answer && answer.status() == 401
              || failure instanceof ServiceException refused && refused.failureCode() == 409) {
            return Future.succeededFuture(null);
          }
          return Future.failedFuture(failure);
        });
  }
}
