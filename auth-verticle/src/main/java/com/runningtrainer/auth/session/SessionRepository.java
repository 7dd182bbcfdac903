package com.runningtrainer.auth.session;

import com.runningtrainer.auth.token.OpaqueToken;
import com.runningtrainer.auth.token.TokenIssuer;
import com.runningtrainer.common.api.Page;
import com.runningtrainer.common.db.PagedQuery;
import com.runningtrainer.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** All SQL of sessions and their refresh tokens. Every read and end of a session is scoped to its user. */
public final class SessionRepository {

  /** How long a refresh token lives; each use replaces it with a new one. */
  public static final int REFRESH_TOKEN_DAYS = 30;

  private static final String OPEN = "INSERT INTO sessions (id, user_id, device, ip) VALUES ($1, $2, $3, $4)";

  private static final String ADD_TOKEN = "INSERT INTO refresh_tokens (token_hash, session_id, expires_at) "
      + "VALUES ($1, $2, now() + make_interval(days => " + REFRESH_TOKEN_DAYS + "))";

  private static final String USE_TOKEN = "UPDATE refresh_tokens SET rotated_at = now() "
      + "WHERE token_hash = $1 AND rotated_at IS NULL AND expires_at > now() RETURNING session_id";

  private static final String TOUCH_SESSION = "UPDATE sessions SET last_used_at = now(), ip = $2 "
      + "WHERE id = $1 AND ended_at IS NULL RETURNING user_id";

  private static final String REUSED_TOKEN = "SELECT session_id FROM refresh_tokens "
      + "WHERE token_hash = $1 AND rotated_at IS NOT NULL";

  // Ending a session records its revocation in the same statement, so that no session ends
  // without the list Redis is rebuilt from knowing it (RevocationRepository).
  private static final String RECORD_ENDED = " INSERT INTO revocations (kind, subject, expires_at) "
      + "SELECT 'sid', id::text, now() + make_interval(secs => " + TokenIssuer.LIFETIME_SECONDS + ") FROM ended "
      + "ON CONFLICT (kind, subject) DO UPDATE SET expires_at = excluded.expires_at RETURNING subject::uuid AS id";

  private static final String END_FAMILY = "WITH ended AS (UPDATE sessions SET ended_at = now() "
      + "WHERE id = $1 AND ended_at IS NULL RETURNING id)" + RECORD_ENDED;

  private static final String ACTIVE = "FROM sessions s WHERE s.user_id = $1 AND s.ended_at IS NULL "
      + "AND EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.session_id = s.id AND r.rotated_at IS NULL "
      + "AND r.expires_at > now()) ";

  private static final PagedQuery PAGE = new PagedQuery(
      "SELECT s.id, s.device, s.ip, s.created_at, s.last_used_at, count(*) OVER () AS total " + ACTIVE
          + "ORDER BY s.last_used_at DESC, s.id LIMIT $2 OFFSET $3",
      "SELECT count(*) AS total " + ACTIVE,
      SessionRepository::toJson);

  private static final String END = "WITH ended AS (UPDATE sessions SET ended_at = now() "
      + "WHERE id = $1 AND user_id = $2 AND ended_at IS NULL RETURNING id)" + RECORD_ENDED;

  private static final String END_ALL = "WITH ended AS (UPDATE sessions SET ended_at = now() "
      + "WHERE user_id = $1 AND ended_at IS NULL RETURNING id)" + RECORD_ENDED;

  private static final String END_OTHERS = "WITH ended AS (UPDATE sessions SET ended_at = now() "
      + "WHERE user_id = $1 AND id <> $2 AND ended_at IS NULL RETURNING id)" + RECORD_ENDED;

  private final Pool pool;

  public SessionRepository(Pool pool) {
    this.pool = pool;
  }

  /** A new session for the user, with its first refresh token. */
  public Future<Void> open(UUID sessionId, UUID userId, String device, String ip, OpaqueToken token) {
    return pool.withTransaction(connection -> connection.preparedQuery(OPEN)
        .execute(Tuple.of(sessionId, userId, device, ip))
        .compose(opened -> addToken(connection, token, sessionId)));
  }

  /**
   * Exchanges a live refresh token for {@code next}, in one transaction. A token used before
   * ends its whole session; an unknown or expired one changes nothing.
   */
  public Future<Rotation> rotate(byte[] presentedHash, OpaqueToken next, String ip) {
    return pool.withTransaction(connection -> connection.preparedQuery(USE_TOKEN).execute(Tuple.of(Buffer.buffer(presentedHash)))
        .compose(used -> {
          UUID sessionId = Rows.first(used, row -> row.getUUID("session_id"));
          if (sessionId == null) {
            return Future.succeededFuture(Rotation.unknown());
          }
          return connection.preparedQuery(TOUCH_SESSION).execute(Tuple.of(sessionId, ip)).compose(touched -> {
            UUID userId = Rows.first(touched, row -> row.getUUID("user_id"));
            return userId == null
                ? Future.succeededFuture(Rotation.unknown())
                : addToken(connection, next, sessionId).map(added -> new Rotation(sessionId, userId, true));
          });
        }))
        .compose(rotation -> rotation.sessionId() != null ? Future.succeededFuture(rotation) : endIfReused(presentedHash));
  }

  private Future<Rotation> endIfReused(byte[] presentedHash) {
    return pool.preparedQuery(REUSED_TOKEN).execute(Tuple.of(Buffer.buffer(presentedHash))).compose(rows -> {
      UUID sessionId = Rows.first(rows, row -> row.getUUID("session_id"));
      return sessionId == null
          ? Future.succeededFuture(Rotation.unknown())
          : pool.preparedQuery(END_FAMILY).execute(Tuple.of(sessionId)).map(ended -> new Rotation(sessionId, null, false));
    });
  }

  /** The user's active sessions, most recently used first. */
  public Future<JsonObject> page(UUID userId, Page page) {
    return PAGE.fetch(pool, Tuple.of(userId), page);
  }

  /** Ends one of the user's sessions; false when it is not theirs or already ended. */
  public Future<Boolean> end(UUID userId, UUID sessionId) {
    return pool.preparedQuery(END).execute(Tuple.of(sessionId, userId)).map(rows -> rows.rowCount() > 0);
  }

  /** Ends every session of the user; the ids of those ended. */
  public Future<List<UUID>> endAll(UUID userId) {
    return pool.preparedQuery(END_ALL).execute(Tuple.of(userId)).map(SessionRepository::ids);
  }

  /** Ends every session of the user but one; the ids of those ended. */
  public Future<List<UUID>> endAllBut(UUID userId, UUID kept) {
    return pool.preparedQuery(END_OTHERS).execute(Tuple.of(userId, kept)).map(SessionRepository::ids);
  }

  private static Future<Void> addToken(SqlConnection connection, OpaqueToken token, UUID sessionId) {
    return connection.preparedQuery(ADD_TOKEN).execute(Tuple.of(Buffer.buffer(token.hash()), sessionId)).mapEmpty();
  }

  private static List<UUID> ids(RowSet<Row> rows) {
    List<UUID> ids = new ArrayList<>();
    rows.forEach(row -> ids.add(row.getUUID("id")));
    return ids;
  }

  static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", Rows.uuid(row, "id"))
        .put("device", row.getString("device"))
        .put("ip", row.getString("ip"))
        .put("created_at", Rows.timestamp(row, "created_at"))
        .put("last_used_at", Rows.timestamp(row, "last_used_at"));
  }
}
