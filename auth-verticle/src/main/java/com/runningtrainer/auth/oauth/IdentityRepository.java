package com.runningtrainer.auth.oauth;

import com.runningtrainer.auth.user.UserRepository;
import com.runningtrainer.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/** All SQL of OAuth2 identities: which user a provider's subject is, and accounts made from one. */
public final class IdentityRepository {

  private static final String USER_COLUMNS = "u.id, u.email, u.display_name, u.roles, u.email_verified_at, u.created_at, u.disabled";

  private static final String FIND_USER = "SELECT " + USER_COLUMNS + " FROM oauth_identities i "
      + "JOIN (SELECT *, disabled_at IS NOT NULL AS disabled FROM users) u ON u.id = i.user_id "
      + "WHERE i.provider = $1 AND i.subject = $2";

  private static final String LINK = "INSERT INTO oauth_identities (provider, subject, user_id, email) VALUES ($1, $2, $3, $4)";

  // One statement, so an account never exists without the identity it was made for.
  private static final String CREATE_USER = "WITH u AS ("
      + "INSERT INTO users (id, email, password_hash, display_name) VALUES ($1, $2, NULL, $3) "
      + "RETURNING id, email, display_name, roles, email_verified_at, created_at, disabled_at IS NOT NULL AS disabled), "
      + "linked AS (INSERT INTO oauth_identities (provider, subject, user_id, email) SELECT $4, $5, u.id, $6 FROM u) "
      + "SELECT " + USER_COLUMNS + " FROM u";

  private final Pool pool;

  public IdentityRepository(Pool pool) {
    this.pool = pool;
  }

  /** The user this identity is linked to, or null. */
  public Future<JsonObject> findUser(ExternalIdentity identity) {
    return pool.preparedQuery(FIND_USER).execute(Tuple.of(identity.provider(), identity.subject()))
        .map(rows -> Rows.first(rows, UserRepository::toJson));
  }

  /** Links the identity to an existing user; a unique violation when it is linked already. */
  public Future<Void> link(ExternalIdentity identity, UUID userId) {
    return pool.preparedQuery(LINK).execute(Tuple.of(identity.provider(), identity.subject(), userId, identity.email()))
        .mapEmpty();
  }

  /**
   * A new user without a password, linked to the identity; a unique violation when the email or
   * the identity is taken meanwhile.
   *
   * @param accountEmail the email the account gets: only one the provider has verified, or null
   */
  public Future<JsonObject> createUser(ExternalIdentity identity, String accountEmail) {
    Tuple values = Tuple.tuple()
        .addUUID(UUID.randomUUID())
        .addString(accountEmail)
        .addString(identity.displayName())
        .addString(identity.provider())
        .addString(identity.subject())
        .addString(identity.email());
    return pool.preparedQuery(CREATE_USER).execute(values).map(rows -> Rows.first(rows, UserRepository::toJson));
  }
}
