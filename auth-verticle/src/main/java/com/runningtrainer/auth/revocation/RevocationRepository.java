package com.runningtrainer.auth.revocation;

import com.runningtrainer.common.auth.Revocation;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * All SQL of the revocations auth keeps in PostgreSQL, the list Redis is rebuilt from. Ending a
 * session and disabling an account record theirs in the same statement (see
 * {@code SessionRepository} and {@code UserRepository}); a logout's token is recorded here.
 */
public final class RevocationRepository {

  private static final String RECORD_TOKEN = "INSERT INTO revocations (kind, subject, expires_at) "
      + "VALUES ('jti', $1, to_timestamp($2)) ON CONFLICT (kind, subject) DO NOTHING";

  private static final String UNEXPIRED = "SELECT kind, subject, revoked_before, "
      + "extract(epoch FROM expires_at)::bigint AS expires_at FROM revocations WHERE expires_at > now()";

  private static final String DROP_EXPIRED = "DELETE FROM revocations WHERE expires_at <= now()";

  private final Pool pool;

  public RevocationRepository(Pool pool) {
    this.pool = pool;
  }

  /** Keeps one token's revocation until it expires ({@code exp}, epoch seconds). */
  public Future<Void> recordToken(String jti, long expiresAt) {
    return pool.preparedQuery(RECORD_TOKEN).execute(Tuple.of(jti, expiresAt)).mapEmpty();
  }

  /** Every revocation that still covers a token that may be alive. */
  public Future<List<Revocation>> unexpired() {
    return pool.query(UNEXPIRED).execute().map(rows -> {
      List<Revocation> found = new ArrayList<>();
      rows.forEach(row -> found.add(new Revocation(row.getString("kind"), row.getString("subject"),
          row.getLong("revoked_before"), row.getLong("expires_at"))));
      return found;
    });
  }

  /** Forgets the revocations no live token can need; how many. */
  public Future<Integer> dropExpired() {
    return pool.query(DROP_EXPIRED).execute().map(rows -> rows.rowCount());
  }
}
