package com.runningtrainer.auth.email;

import com.runningtrainer.auth.token.OpaqueToken;
import com.runningtrainer.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/** All SQL of the tokens sent by mail. */
public final class EmailTokenRepository {

  private static final String ISSUE = "INSERT INTO email_tokens (token_hash, user_id, purpose, expires_at) "
      + "VALUES ($1, $2, $3, now() + make_interval(secs => $4))";

  // Spends the token presented and, in the same statement, every other unused one of the user
  // for the same purpose: once a link has worked, older links in the mailbox must not.
  private static final String CONSUME = "WITH used AS ("
      + "UPDATE email_tokens SET used_at = now() "
      + "WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now() RETURNING user_id), "
      + "siblings AS (UPDATE email_tokens t SET used_at = now() FROM used "
      + "WHERE t.user_id = used.user_id AND t.purpose = $2 AND t.used_at IS NULL AND t.token_hash <> $1) "
      + "SELECT user_id FROM used";

  private final Pool pool;

  public EmailTokenRepository(Pool pool) {
    this.pool = pool;
  }

  /** Stores a new token of the user's, usable for its purpose's lifetime from now. */
  public Future<Void> issue(UUID userId, Purpose purpose, OpaqueToken token) {
    return pool.preparedQuery(ISSUE)
        .execute(Tuple.of(Buffer.buffer(token.hash()), userId, purpose.stored(), purpose.lifetime().toSeconds()))
        .mapEmpty();
  }

  /**
   * Uses up a live token: the user it was issued to, or null when it is unknown, of another
   * purpose, used before or expired. Atomic: of two requests with one token, one wins.
   */
  public Future<UUID> consume(String presented, Purpose purpose) {
    return pool.preparedQuery(CONSUME)
        .execute(Tuple.of(Buffer.buffer(OpaqueToken.hash(presented)), purpose.stored()))
        .map(rows -> Rows.first(rows, row -> row.getUUID("user_id")));
  }
}
