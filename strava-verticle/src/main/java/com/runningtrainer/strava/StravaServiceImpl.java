package com.runningtrainer.strava;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Futures;
import com.runningtrainer.common.api.Inputs;
import com.runningtrainer.strava.connect.ConnectStates;
import com.runningtrainer.strava.connect.ConnectionRepository;
import com.runningtrainer.strava.connect.Scopes;
import com.runningtrainer.strava.connect.StravaTokens;
import com.runningtrainer.strava.oauth.StravaAnswer;
import com.runningtrainer.strava.oauth.StravaOAuth;
import com.runningtrainer.strava.oauth.TokenGrant;
import com.runningtrainer.common.api.DateRange;
import com.runningtrainer.common.api.Page;
import com.runningtrainer.common.api.Problem;
import com.runningtrainer.strava.imports.ActivityImporter;
import com.runningtrainer.strava.imports.ActivityRepository;
import com.runningtrainer.strava.push.WorkoutPush;
import com.runningtrainer.strava.sync.SyncJobRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The service's methods, once the caller and the inputs are read. */
public final class StravaServiceImpl implements StravaService {

  private static final Logger LOG = LoggerFactory.getLogger(StravaServiceImpl.class);

  private final StravaSettings settings;
  private final ConnectStates states;
  private final ConnectionRepository connections;
  private final StravaOAuth strava;
  private final StravaTokens tokens;
  private final ActivityImporter importer;
  private final ActivityRepository activities;
  private final SyncJobRepository syncJobs;
  private final WorkoutPush push;
  private final Vertx vertx;

  public StravaServiceImpl(Vertx vertx, StravaSettings settings, ConnectStates states, ConnectionRepository connections,
      StravaOAuth strava, StravaTokens tokens, ActivityImporter importer, ActivityRepository activities,
      SyncJobRepository syncJobs, WorkoutPush push) {
    this.vertx = vertx;
    this.settings = settings;
    this.states = states;
    this.connections = connections;
    this.strava = strava;
    this.tokens = tokens;
    this.importer = importer;
    this.activities = activities;
    this.syncJobs = syncJobs;
    this.push = push;
  }

  @Override
  public Future<String> authorizeUrl(String callerId) {
    return Futures.defer(() -> {
      UUID caller = Inputs.caller(callerId);
      requireConfigured();
      return states.issue(caller).map(state -> settings.baseUrl() + "/oauth/authorize"
          + "?client_id=" + encode(settings.clientId())
          + "&redirect_uri=" + encode(settings.redirectUrl())
          + "&response_type=code"
          + "&approval_prompt=auto"
          // Commas as they are: Strava's own examples send the scope list unencoded.
          + "&scope=" + Scopes.REQUESTED
          + "&state=" + encode(state));
    });
  }

  @Override
  public Future<JsonObject> finishConnection(String state, String code, String scope, String error) {
    return Futures.defer(() -> {
      requireConfigured();
      // The state is taken first, whatever follows: it never serves twice, not even after a failure.
      return states.take(state).compose(owner -> {
        if (owner == null) {
          throw Failures.invalid("state", "is unknown, expired or used before: start connecting again");
        }
        if (error != null) {
          throw Failures.forbidden("Strava did not authorize the connection (" + error + ")");
        }
        if (code == null) {
          throw Failures.invalid("code", "is missing");
        }
        return strava.exchange(code).recover(StravaServiceImpl::exchangeFailed)
            .compose(grant -> connections.save(owner, athlete(grant), Scopes.granted(scope), tokens.sealed(grant)));
      });
    });
  }

  @Override
  public Future<JsonObject> connection(String callerId) {
    return Futures.defer(() -> {
      UUID caller = Inputs.caller(callerId);
      // Before the 404: a client tells "not connected" from "cannot connect here" by it, and hides Strava.
      requireConfigured();
      return connections.find(caller).map(found -> Failures.orNotFound(found, "Strava connection"));
    });
  }

  @Override
  public Future<Void> disconnect(String callerId) {
    return Futures.defer(() -> {
      UUID caller = Inputs.caller(callerId);
      return tokens.accessToken(caller)
          .compose(this::revoke, failure -> {
            // A connection Strava already refuses has nothing left to revoke.
            if (failure instanceof ServiceException e && e.failureCode() == 409) {
              return Future.succeededFuture();
            }
            return Future.failedFuture(failure);
          })
          // The open sync ends first, so that its worker imports nothing after the purge.
          .compose(revoked -> syncJobs.endOpen(caller, Problem.of(409, "Strava was disconnected").toJson()))
          .compose(ended -> importer.purge(caller))
          .compose(purged -> connections.delete(caller))
          .map(deleted -> Failures.doneOrNotFound(deleted, "Strava connection"));
    });
  }

  @Override
  public Future<JsonObject> startSync(String callerId) {
    return Futures.defer(() -> {
      UUID caller = Inputs.caller(callerId);
      return connections.find(caller).compose(connection -> {
        if (connection == null) {
          throw Failures.notFound("Strava connection");
        }
        if (!StravaTokens.CONNECTED.equals(connection.getString("state"))) {
          throw Failures.conflict("the Strava connection is " + connection.getString("state") + ": reconnect Strava first");
        }
        return syncJobs.open(caller);
      }).onSuccess(job -> vertx.eventBus().publish(StravaEvents.SYNC_QUEUED, new JsonObject()));
    });
  }

  @Override
  public Future<JsonObject> sync(String callerId, String syncId) {
    return Futures.defer(() -> syncJobs.find(Inputs.caller(callerId), Inputs.uuid("id", syncId))
        .map(found -> Failures.orNotFound(found, "sync job")));
  }

  @Override
  public Future<JsonObject> activities(String callerId, JsonObject query) {
    return Futures.defer(() -> {
      UUID caller = Inputs.caller(callerId);
      Page page = Page.from(query);
      DateRange dates = DateRange.from(query);
      return activities.page(caller, dates.from(), dates.to(), query.getString("sport_type"), page);
    });
  }

  @Override
  public Future<JsonObject> pushWorkout(String callerId, String workoutId) {
    return Futures.defer(() -> {
      UUID caller = Inputs.caller(callerId);
      Inputs.uuid("id", workoutId);
      return push.push(caller, workoutId);
    });
  }

  private Future<Void> revoke(String accessToken) {
    return strava.revoke(accessToken).recover(failure -> {
      // Strava no longer knows the token (revoked at Strava's side, say): it is as good as revoked.
      if (failure instanceof StravaAnswer answer && (answer.status() == 400 || answer.status() == 401)) {
        return Future.succeededFuture();
      }
      // Otherwise the connection stays, so that no token that still works is forgotten.
      return Future.failedFuture(failure instanceof ServiceException ? failure : stravaFailed());
    });
  }

  private static Future<TokenGrant> exchangeFailed(Throwable failure) {
    if (failure instanceof StravaAnswer answer) {
      if (answer.athleteLimit()) {
        return Future.failedFuture(Failures.unavailable("this application has reached Strava's limit of connected athletes", 3600));
      }
      if (answer.applicationRefused()) {
        return Future.failedFuture(Failures.unavailable("Strava reports this application inactive; connecting is impossible for now", 3600));
      }
      if (answer.status() == 400) {
        return Future.failedFuture(Failures.invalid("code", "was refused by Strava (expired or used before): start connecting again"));
      }
      // 401 on an exchange: Strava refuses our client id or secret, which is the operator's to fix.
      LOG.warn("Strava answered {} to a code exchange", answer.status());
    }
    return Future.failedFuture(failure instanceof ServiceException ? failure : stravaFailed());
  }

  private static JsonObject athlete(TokenGrant grant) {
    if (grant.athlete() == null || !(grant.athlete().getValue("id") instanceof Number)) {
      LOG.warn("Strava's token answer carried no athlete");
      throw stravaFailed();
    }
    return grant.athlete();
  }

  private void requireConfigured() {
    if (!settings.configured()) {
      throw Failures.unavailable("Strava is not configured on this server", 3600);
    }
  }

  private static ServiceException stravaFailed() {
    return new ServiceException(502, "Strava could not be reached or answered outside its protocol");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
