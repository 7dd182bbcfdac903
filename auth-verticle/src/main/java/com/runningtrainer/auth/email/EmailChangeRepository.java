package com.runningtrainer.auth.email;

import com.runningtrainer.auth.token.OpaqueToken;
import com.runningtrainer.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/** All SQL of a change of email: the tokens mailed to a new address, and the change they make. */
public final class EmailChangeRepository {

  private static final Purpose PURPOSE = Purpose.EMAIL_CHANGE;

  private static final String ISSUE = "INSERT INTO email_tokens (token_hash, user_id, purpose, new_email, expires_at) "
      + "VALUES ($1, $2, '" + PURPOSE.stored() + "', $3, now() + make_interval(secs => $4))";

  private static final String CANCEL = "UPDATE email_tokens SET used_at = now() "
      + "WHERE user_id = $1 AND purpose = '" + PURPOSE.stored() + "' AND used_at IS NULL";

  // One statement: the token spent, the email set and verified (the link proved the mailbox), and
  // every other unused token of the user spent, whatever its purpose: the links mailed to the
  // old address must not reset the password of an account that is no longer theirs. An address
  // taken since the request fails the whole statement on users_email, and nothing is spent.
  private static final String CONFIRM = "WITH used AS ("
      + "UPDATE email_tokens SET used_at = now() WHERE token_hash = $1 AND purpose = '" + PURPOSE.stored() + "' "
      + "AND used_at IS NULL AND expires_at > now() RETURNING user_id, new_email), "
      + "changed AS (UPDATE users u SET email = used.new_email, email_verified_at = now(), updated_at = now() "
      + "FROM used WHERE u.id = used.user_id RETURNING u.id), "
      + "others AS (UPDATE email_tokens t SET used_at = now() FROM used "
      + "WHERE t.user_id = used.user_id AND t.used_at IS NULL AND t.token_hash <> $1) "
      + "SELECT id FROM changed";

  private final Pool pool;

  public EmailChangeRepository(Pool pool) {
    this.pool = pool;
  }

  /** Stores a token that changes the user's email to {@code newEmail} (lower-cased) when it comes back. */
  public Future<Void> issue(UUID userId, String newEmail, OpaqueToken token) {
    return pool.preparedQuery(ISSUE)
        .execute(Tuple.of(Buffer.buffer(token.hash()), userId, newEmail, PURPOSE.lifetime().toSeconds()))
        .mapEmpty();
  }

  /** Spends every unused change token of the user: the changes asked before no longer happen. */
  public Future<Void> cancel(UUID userId) {
    return pool.preparedQuery(CANCEL).execute(Tuple.of(userId)).mapEmpty();
  }

  /**
   * Changes the email of a live token's user to the token's address: the user, or null when the
   * token is unknown, of another purpose, used before or expired. Fails with PostgreSQL's
   * unique violation when another account has that address now.
   */
  public Future<UUID> confirm(String presented) {
    return pool.preparedQuery(CONFIRM)
        .execute(Tuple.of(Buffer.buffer(OpaqueToken.hash(presented))))
        .map(rows -> Rows.first(rows, row -> row.getUUID("id")));
  }
}
