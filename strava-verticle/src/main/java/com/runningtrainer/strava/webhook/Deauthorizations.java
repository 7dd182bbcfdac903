package com.runningtrainer.strava.webhook;

import com.runningtrainer.strava.api.RateBudget.Priority;
import com.runningtrainer.strava.api.StravaClient;
import com.runningtrainer.strava.connect.StravaTokens;
import com.runningtrainer.strava.oauth.StravaAnswer;
import io.vertx.core.Future;
import io.vertx.serviceproxy.ServiceException;
import java.util.UUID;

/**
 * Whether an athlete really revoked this application. Strava signs no webhook event and anybody
 * may post one naming any athlete (their ids are public), so a deauthorization is believed only
 * when Strava itself refuses the connection's tokens: a refresh it refuses (the connection no
 * longer usable, 409), or a 401 to {@code GET /athlete}. Strava or the trainer being away fails,
 * to be tried again.
 */
public final class Deauthorizations {

  private final StravaTokens tokens;
  private final StravaClient strava;

  public Deauthorizations(StravaTokens tokens, StravaClient strava) {
    this.tokens = tokens;
    this.strava = strava;
  }

  /** Whether Strava no longer accepts the owner's authorization. */
  public Future<Boolean> confirmed(UUID owner) {
    return tokens.accessToken(owner)
        .compose(token -> strava.athlete(token, Priority.INTERACTIVE))
        .map(false)
        .recover(failure -> {
          if (failure instanceof StravaAnswer answer && answer.status() == 401
              || failure instanceof ServiceException refused && refused.failureCode() == 409) {
            return Future.succeededFuture(true);
          }
          return Future.failedFuture(failure);
        });
  }
}
