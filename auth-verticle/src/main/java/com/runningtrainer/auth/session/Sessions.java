package com.runningtrainer.auth.session;

import com.runningtrainer.auth.revocation.RevocationRepository;
import com.runningtrainer.auth.token.OpaqueToken;
import com.runningtrainer.auth.token.TokenIssuer;
import com.runningtrainer.auth.user.UserRepository;
import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Inputs;
import com.runningtrainer.common.api.Page;
import com.runningtrainer.common.auth.Revocations;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/**
 * Logins as sessions: each opens one with a refresh-token family, refreshing rotates the
 * token, and ending a session (logout, from the list of sessions, or on a reused token) stops
 * its refresh tokens in the database and its access tokens in the revocation list at once. Every
 * revocation is kept in PostgreSQL before it is written to Redis, which may lose it.
 */
public final class Sessions {

  private static final int DEVICE_MAX = 200;

  private final SessionRepository sessions;
  private final UserRepository users;
  private final TokenIssuer tokens;
  private final Revocations revocations;
  private final RevocationRepository kept;

  public Sessions(SessionRepository sessions, UserRepository users, TokenIssuer tokens, Revocations revocations,
      RevocationRepository kept) {
    this.sessions = sessions;
    this.users = users;
    this.tokens = tokens;
    this.revocations = revocations;
    this.kept = kept;
  }

  /** A new session for a user who has just proved who they are; the token answer of login. */
  public Future<JsonObject> open(JsonObject user, JsonObject client) {
    UUID sessionId = UUID.randomUUID();
    OpaqueToken refresh = OpaqueToken.generate();
    return sessions.open(sessionId, UUID.fromString(user.getString("id")), device(client), client.getString("ip"), refresh)
        .map(opened -> answer(user, sessionId, refresh));
  }

  /** A new access token and refresh token for a live refresh token; 401 for any other. */
  public Future<JsonObject> refresh(String presented, JsonObject client) {
    OpaqueToken next = OpaqueToken.generate();
    return sessions.rotate(OpaqueToken.hash(presented), next, client.getString("ip")).compose(rotation -> {
      if (rotation.rotated()) {
        return users.findById(rotation.userId()).map(user -> {
          if (user == null || user.getBoolean("disabled")) {
            throw Failures.unauthorized("the account no longer exists or is disabled");
          }
          return answer(user, rotation.sessionId(), next);
        });
      }
      Future<Void> ended = rotation.sessionId() == null
          ? Future.succeededFuture()
          : revocations.revokeSession(rotation.sessionId().toString(), TokenIssuer.LIFETIME_SECONDS);
      return ended.compose(done -> Future.failedFuture(Failures.unauthorized("the refresh token is not valid")));
    });
  }

  /** Ends the session of this access token, and revokes the token itself. */
  public Future<Void> logout(JsonObject principal) {
    UUID userId = Inputs.caller(principal.getString("sub"));
    String sessionId = principal.getString("sid");
    String jti = principal.getString("jti", "");
    long expiresAt = principal.getLong("exp", 0L);
    // PostgreSQL first: Redis may lose it, and is rebuilt from there (AuthBackground).
    Future<Void> revoked = kept.recordToken(jti, expiresAt).compose(recorded -> revocations.revokeToken(jti, expiresAt));
    return sessionId == null ? revoked : revoked.compose(done -> end(userId, UUID.fromString(sessionId)).mapEmpty());
  }

  public Future<JsonObject> list(JsonObject principal, Page page) {
    String current = principal.getString("sid");
    return sessions.page(Inputs.caller(principal.getString("sub")), page).map(answer -> {
      answer.getJsonArray("items").forEach(item -> {
        JsonObject session = (JsonObject) item;
        session.put("current", session.getString("id").equals(current));
      });
      return answer;
    });
  }

  /** Ends one of the caller's sessions; 404 when it is not theirs or not active. */
  public Future<Void> endOne(JsonObject principal, String sessionId) {
    UUID userId = Inputs.caller(principal.getString("sub"));
    return end(userId, Inputs.uuid("id", sessionId)).map(ended -> Failures.doneOrNotFound(ended, "session"));
  }

  /** Ends every session of the caller, this one included. */
  public Future<Void> endAll(JsonObject principal) {
    return endEvery(Inputs.caller(principal.getString("sub")));
  }

  /** Ends every session of the user, revoking their access tokens. */
  public Future<Void> endEvery(UUID userId) {
    return sessions.endAll(userId).compose(this::revokeAll);
  }

  /** Ends every session of the user but {@code kept}, revoking their access tokens. */
  public Future<Void> endEveryBut(UUID userId, UUID kept) {
    return sessions.endAllBut(userId, kept).compose(this::revokeAll);
  }

  private Future<Boolean> end(UUID userId, UUID sessionId) {
    return sessions.end(userId, sessionId).compose(ended -> ended
        ? revocations.revokeSession(sessionId.toString(), TokenIssuer.LIFETIME_SECONDS).map(true)
        : Future.succeededFuture(false));
  }

  private Future<Void> revokeAll(List<UUID> sessionIds) {
    return Future.all(sessionIds.stream()
            .map(id -> revocations.revokeSession(id.toString(), TokenIssuer.LIFETIME_SECONDS))
            .toList())
        .mapEmpty();
  }

  private JsonObject answer(JsonObject user, UUID sessionId, OpaqueToken refresh) {
    return new JsonObject()
        .put("access_token", tokens.issue(user, sessionId))
        .put("token_type", "Bearer")
        .put("expires_in", TokenIssuer.LIFETIME_SECONDS)
        .put("refresh_token", refresh.value());
  }

  private static String device(JsonObject client) {
    String agent = client.getString("user_agent");
    return agent == null ? null : agent.substring(0, Math.min(agent.length(), DEVICE_MAX));
  }
}
