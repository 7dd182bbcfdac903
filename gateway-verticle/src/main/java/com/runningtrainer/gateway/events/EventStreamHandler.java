package com.runningtrainer.gateway.events;

import com.runningtrainer.common.api.Problem;
import com.runningtrainer.common.auth.BearerTokens;
import com.runningtrainer.common.auth.JwksTokenVerifier;
import com.runningtrainer.common.auth.TokenTimes;
import com.runningtrainer.common.http.ProblemWriter;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/events}: opens the caller's stream, sends what they missed since
 * {@code Last-Event-ID}, then their events as they come. The token is checked again at every
 * heartbeat and the stream ends when it expires or is revoked: a stream never outlives the right
 * to read it.
 */
public final class EventStreamHandler implements Handler<RoutingContext> {

  /** Where the stream is served: it is exempt from the gateway's request timeout. */
  public static final String PATH = "/api/v1/events";

  private static final long RETRY_MS = 3000;
  private static final long BUSY_RETRY_AFTER_SECONDS = 30;

  private final Vertx vertx;
  private final UserEventHub hub;
  private final JwksTokenVerifier tokens;
  private final EventSettings settings;

  public EventStreamHandler(Vertx vertx, UserEventHub hub, JwksTokenVerifier tokens, EventSettings settings) {
    this.vertx = vertx;
    this.hub = hub;
    this.tokens = tokens;
    this.settings = settings;
  }

  @Override
  public void handle(RoutingContext rc) {
    User user = rc.user();
    EventStream stream = new EventStream(user.principal().getString("sub"), rc.response());
    if (!hub.add(stream)) {
      ProblemWriter.write(rc.response(), Problem.of(429, "At most " + settings.streamsPerUser()
          + " event streams of one user are open at once; close one").withRetryAfter(BUSY_RETRY_AFTER_SECONDS));
      return;
    }
    stream.open(RETRY_MS);
    hub.missed(stream.userId(), rc.request().getHeader("Last-Event-ID")).forEach(stream::send);
    long untilExpiry = TokenTimes.expiry(user) * 1000 - System.currentTimeMillis();
    long expiry = vertx.setTimer(Math.max(1, untilExpiry), fired -> stream.end());
    // The route's security handler has checked that the header holds a bearer token.
    TokenCredentials token = new TokenCredentials(BearerTokens.of(rc.request().getHeader("Authorization")));
    long heartbeat = vertx.setPeriodic(settings.heartbeatMs(), tick -> tokens.authenticate(token)
        .onSuccess(valid -> stream.keepAlive())
        .onFailure(refused -> stream.end()));
    Handler<Void> closed = ignored -> {
      vertx.cancelTimer(expiry);
      vertx.cancelTimer(heartbeat);
      hub.remove(stream);
    };
    rc.response().closeHandler(closed).endHandler(closed);
  }
}
