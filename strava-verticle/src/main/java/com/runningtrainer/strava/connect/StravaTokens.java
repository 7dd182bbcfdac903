package com.runningtrainer.strava.connect;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.crypto.SecretSeal;
import com.runningtrainer.strava.connect.ConnectionRepository.Held;
import com.runningtrainer.strava.connect.ConnectionRepository.SealedTokens;
import com.runningtrainer.strava.oauth.StravaAnswer;
import com.runningtrainer.strava.oauth.StravaOAuth;
import com.runningtrainer.strava.oauth.TokenGrant;
import io.vertx.core.Future;
import io.vertx.serviceproxy.ServiceException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's access token, refreshed when less than an hour of it is left. Strava's refresh
 * token is single-use once rotated, so two refreshes of one athlete must never race: the
 * refresh runs while the connection's row is locked ({@code SELECT … FOR UPDATE}), which holds
 * across every instance and node, and whoever waited for the lock finds the fresh token and does
 * not refresh again. The newest refresh token is always the one stored. A refresh Strava refuses
 * ({@code invalid_grant}, 401) marks the connection {@code needs_reconnect}; a 403 (application
 * inactive) marks it {@code app_inactive}.
 */
public final class StravaTokens {

  /** Refresh when less than this is left: Strava's access tokens live six hours. */
  public static final Duration REFRESH_BEFORE = Duration.ofHours(1);
  public static final String CONNECTED = "connected";
  public static final String NEEDS_RECONNECT = "needs_reconnect";
  public static final String APP_INACTIVE = "app_inactive";
  private static final Logger LOG = LoggerFactory.getLogger(StravaTokens.class);

  private final ConnectionRepository connections;
  private final StravaOAuth strava;
  private final SecretSeal seal;
  private final Clock clock;

  public StravaTokens(ConnectionRepository connections, StravaOAuth strava, SecretSeal seal, Clock clock) {
    this.connections = connections;
    this.strava = strava;
    this.seal = seal;
    this.clock = clock;
  }

  /** The tokens of a new connection, sealed for storage. */
  public SealedTokens sealed(TokenGrant grant) {
    return new SealedTokens(seal.seal(grant.accessToken()), seal.seal(grant.refreshToken()), grant.expiresAt());
  }

  /**
   * A valid access token of the owner's connection, refreshed first when near its end. 404 when
   * there is no connection; 409 when it needs reconnecting (now or already).
   */
  public Future<String> accessToken(UUID owner) {
    return connections.pool().withTransaction(client -> connections.lock(client, owner).compose(held -> {
          if (held == null) {
            return Future.failedFuture(Failures.notFound("Strava connection"));
          }
          if (!CONNECTED.equals(held.state())) {
            return Future.succeededFuture(Outcome.lost(held.state()));
          }
          if (Duration.between(clock.instant(), held.tokens().expiresAt()).compareTo(REFRESH_BEFORE) > 0) {
            return Future.succeededFuture(Outcome.token(seal.open(held.tokens().access())));
          }
          return refresh(client, owner, held);
        }))
        // Marked outside the refresh's transaction, which a failure rolls back.
        .compose(outcome -> outcome.token() != null ? Future.succeededFuture(outcome.token())
            : connections.markState(owner, outcome.lostState()).compose(v -> Future.failedFuture(lost(outcome.lostState()))));
  }

  private Future<Outcome> refresh(io.vertx.sqlclient.SqlClient client, UUID owner, Held held) {
    return strava.refresh(seal.open(held.tokens().refresh()))
        .compose(grant -> connections.replaceTokens(client, owner, sealed(grant)).map(Outcome.token(grant.accessToken())))
        .recover(failure -> {
          if (failure instanceof StravaAnswer answer && answer.refusedGrant()) {
            LOG.info("Strava refused the refresh of a connection: it needs reconnecting");
            return Future.succeededFuture(Outcome.lost(NEEDS_RECONNECT));
          }
          if (failure instanceof StravaAnswer answer && answer.applicationRefused()) {
            LOG.warn("Strava refused the application on a refresh ({}): the connection is app_inactive", answer.status());
            return Future.succeededFuture(Outcome.lost(APP_INACTIVE));
          }
          return Future.failedFuture(failure instanceof ServiceException ? failure : stravaFailed());
        });
  }

  static ServiceException stravaFailed() {
    return new ServiceException(502, "Strava could not be reached or answered outside its protocol");
  }

  private static ServiceException lost(String state) {
    return APP_INACTIVE.equals(state)
        ? Failures.conflict("Strava has refused this application (inactive); the connection cannot be used until it is reinstated")
        : Failures.conflict("Strava no longer accepts this connection's tokens: reconnect Strava");
  }

  /** A token, or the state the connection has fallen into. */
  private record Outcome(String token, String lostState) {
    static Outcome token(String token) {
      return new Outcome(token, null);
    }

    static Outcome lost(String state) {
      return new Outcome(null, state);
    }
  }
}
