package com.runningtrainer.auth.user;

import com.runningtrainer.auth.token.TokenIssuer;
import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Page;
import com.runningtrainer.common.db.PagedQuery;
import com.runningtrainer.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** All SQL of users. Emails are stored lower-cased, so lookups are exact. */
public final class UserRepository {

  private static final String COLUMNS = "id, email, display_name, roles, email_verified_at, created_at, "
      + "disabled_at IS NOT NULL AS disabled";

  // A taken email inserts nothing and returns no row: no failure, and no error in PostgreSQL's log.
  private static final String INSERT_UNLESS_TAKEN = "INSERT INTO users (id, email, password_hash, display_name) "
      + "VALUES ($1, $2, $3, $4) ON CONFLICT (email) DO NOTHING RETURNING " + COLUMNS;

  private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM users WHERE id = $1";

  private static final String FIND_BY_IDS = "SELECT " + COLUMNS + " FROM users WHERE id = ANY ($1)";

  private static final String FIND_BY_EMAIL = "SELECT " + COLUMNS + " FROM users WHERE email = $1";

  private static final String FIND_CREDENTIALS = "SELECT " + COLUMNS + ", password_hash FROM users WHERE email = $1";

  // strpos, not LIKE: a filter is a plain piece of an email, so its % and _ are characters, not wildcards.
  private static final PagedQuery PAGE = new PagedQuery(
      "SELECT " + COLUMNS + ", count(*) OVER () AS total FROM users "
          + "WHERE ($1::text IS NULL OR strpos(email, lower($1)) > 0) ORDER BY created_at, id LIMIT $2 OFFSET $3",
      "SELECT count(*) AS total FROM users WHERE ($1::text IS NULL OR strpos(email, lower($1)) > 0)",
      UserRepository::toJson);

  private static final String GRANT = "UPDATE users SET roles = array_append(roles, $2), updated_at = now() "
      + "WHERE id = $1 AND NOT $2 = ANY (roles) RETURNING id";

  // The operator's way back in: an admin again, and enabled again, whatever was done to the account.
  private static final String MAKE_ADMIN_BY_EMAIL = "UPDATE users SET roles = CASE WHEN 'admin' = ANY (roles) THEN roles "
      + "ELSE array_append(roles, 'admin') END, disabled_at = NULL, updated_at = now() WHERE email = $1 RETURNING id";

  private static final String REMOVE = "UPDATE users SET roles = array_remove(roles, $2), updated_at = now() "
      + "WHERE id = $1 RETURNING id";

  // Disabling records the revocation of every token issued until now in the same statement
  // (RevocationRepository keeps the list Redis is rebuilt from).
  private static final String DISABLE = "WITH disabled AS (UPDATE users SET disabled_at = coalesce(disabled_at, now()), "
      + "updated_at = now() WHERE id = $1 RETURNING id) "
      + "INSERT INTO revocations (kind, subject, revoked_before, expires_at) "
      + "SELECT 'user', id::text, extract(epoch FROM now())::bigint, now() + make_interval(secs => "
      + TokenIssuer.LIFETIME_SECONDS + ") FROM disabled ON CONFLICT (kind, subject) DO UPDATE "
      + "SET revoked_before = excluded.revoked_before, expires_at = excluded.expires_at RETURNING subject";

  private static final String ENABLE = "UPDATE users SET disabled_at = NULL, updated_at = now() WHERE id = $1 RETURNING id";

  // Locks the enabled admins' rows, so that two admins taking each other out at once are taken
  // one after the other, and the second sees what the first left.
  private static final String LOCK_ENABLED_ADMINS = "SELECT id FROM users WHERE 'admin' = ANY (roles) "
      + "AND disabled_at IS NULL ORDER BY id FOR UPDATE";

  private static final String IS_ADMIN = "SELECT 1 FROM users WHERE id = $1 AND 'admin' = ANY (roles) AND disabled_at IS NULL";
  private static final String VERIFY_EMAIL = "UPDATE users SET email_verified_at = coalesce(email_verified_at, now()), "
      + "updated_at = now() WHERE id = $1";

  // A new password also cancels the changes of email asked before it: one asked by someone who
  // knew the old password must not move the account to their address after the owner took it back.
  private static final String CANCEL_EMAIL_CHANGES = "WITH cancelled AS (UPDATE email_tokens SET used_at = now() "
      + "WHERE user_id = $1 AND purpose = 'email_change' AND used_at IS NULL) ";

  // A reset link followed proves the mailbox as much as a verification link does.
  private static final String RESET_PASSWORD = CANCEL_EMAIL_CHANGES + "UPDATE users SET password_hash = $2, "
      + "email_verified_at = coalesce(email_verified_at, now()), updated_at = now() WHERE id = $1";

  private static final String FIND_CREDENTIALS_BY_ID = "SELECT " + COLUMNS + ", password_hash FROM users WHERE id = $1";

  private static final String CHANGE_PASSWORD = CANCEL_EMAIL_CHANGES
      + "UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1";

  private final Pool pool;

  public UserRepository(Pool pool) {
    this.pool = pool;
  }

  /** The user created, or null when the email is taken: then the account of that email stays as it is. */
  public Future<JsonObject> insertUnlessTaken(String email, String passwordHash, String displayName) {
    return pool.preparedQuery(INSERT_UNLESS_TAKEN)
        .execute(Tuple.of(UUID.randomUUID(), email, passwordHash, displayName))
        .map(rows -> Rows.first(rows, UserRepository::toJson));
  }

  public Future<JsonObject> findById(UUID id) {
    return pool.preparedQuery(FIND_BY_ID).execute(Tuple.of(id)).map(rows -> Rows.first(rows, UserRepository::toJson));
  }

  /** The users among these ids, in no particular order; ids of no user are left out. */
  public Future<List<JsonObject>> findByIds(List<UUID> ids) {
    return pool.preparedQuery(FIND_BY_IDS).execute(Tuple.of(ids.toArray(UUID[]::new)))
        .map(rows -> {
          List<JsonObject> users = new ArrayList<>();
          rows.forEach(row -> users.add(toJson(row)));
          return users;
        });
  }

  /** The user of this lower-cased email, or null. */
  public Future<JsonObject> findByEmail(String email) {
    return pool.preparedQuery(FIND_BY_EMAIL).execute(Tuple.of(email)).map(rows -> Rows.first(rows, UserRepository::toJson));
  }

  /**
   * The user with their password hash under {@code password_hash}, or null. The hash is null
   * for an account made by an OAuth2 login: no password matches it.
   */
  public Future<JsonObject> findCredentials(String email) {
    return pool.preparedQuery(FIND_CREDENTIALS).execute(Tuple.of(email))
        .map(rows -> Rows.first(rows, row -> toJson(row).put("password_hash", row.getString("password_hash"))));
  }

  /** The user of this id with their password hash under {@code password_hash} (null without a password), or null. */
  public Future<JsonObject> findCredentialsById(UUID id) {
    return pool.preparedQuery(FIND_CREDENTIALS_BY_ID).execute(Tuple.of(id))
        .map(rows -> Rows.first(rows, row -> toJson(row).put("password_hash", row.getString("password_hash"))));
  }

  /** Every account, oldest first; {@code emailContains} narrows them when not null. */
  public Future<JsonObject> page(String emailContains, Page page) {
    return PAGE.fetch(pool, Tuple.of(emailContains), page);
  }

  /** Grants a role; false when the user does not exist (granting a role held is no change). */
  public Future<Boolean> grantRole(UUID userId, String role) {
    return pool.preparedQuery(GRANT).execute(Tuple.of(userId, role)).compose(rows -> rows.rowCount() > 0
        ? Future.succeededFuture(true)
        : findById(userId).map(user -> user != null));
  }

  /** Makes the account of an email an enabled admin; false when there is none. */
  public Future<Boolean> makeAdminByEmail(String email) {
    return pool.preparedQuery(MAKE_ADMIN_BY_EMAIL).execute(Tuple.of(email)).map(rows -> rows.rowCount() > 0);
  }

  /**
   * Removes a role; false when the user does not exist. Removing {@code admin} from the last
   * enabled admin fails with a 409 and changes nothing.
   */
  public Future<Boolean> removeRole(UUID userId, String role) {
    Tuple values = Tuple.of(userId, role);
    return role.equals("admin") ? unlessLastAdmin(userId, REMOVE, values)
        : pool.preparedQuery(REMOVE).execute(values).map(rows -> rows.rowCount() > 0);
  }

  /**
   * Marks the account disabled or enabled; false when it does not exist. Disabling the last
   * enabled admin fails with a 409 and changes nothing.
   */
  public Future<Boolean> setDisabled(UUID userId, boolean disabled) {
    return disabled ? unlessLastAdmin(userId, DISABLE, Tuple.of(userId))
        : pool.preparedQuery(ENABLE).execute(Tuple.of(userId)).map(rows -> rows.rowCount() > 0);
  }

  /** Runs a change that takes the user out of the enabled admins, unless no enabled admin would be left. */
  private Future<Boolean> unlessLastAdmin(UUID userId, String change, Tuple values) {
    return pool.withTransaction(connection -> connection.query(LOCK_ENABLED_ADMINS).execute().compose(admins -> {
      List<UUID> ids = new ArrayList<>();
      admins.forEach(row -> ids.add(row.getUUID("id")));
      if (ids.equals(List.of(userId))) {
        return Future.failedFuture(Failures.conflict("this is the last enabled admin: grant the admin role to another "
            + "account first, so that someone can still administer"));
      }
      return connection.preparedQuery(change).execute(values).map(rows -> rows.rowCount() > 0);
    }));
  }

  /** Whether the user is an enabled admin now, whatever their token says. */
  public Future<Boolean> isAdmin(UUID userId) {
    return pool.preparedQuery(IS_ADMIN).execute(Tuple.of(userId)).map(rows -> rows.rowCount() > 0);
  }

  /** Marks the user's email verified, keeping the first time it was. */
  public Future<Void> markEmailVerified(UUID id) {
    return pool.preparedQuery(VERIFY_EMAIL).execute(Tuple.of(id)).mapEmpty();
  }

  /**
   * Replaces the user's password hash after a reset by mail, which also verifies their email;
   * the changes of email asked before no longer happen.
   */
  public Future<Void> resetPassword(UUID id, String passwordHash) {
    return pool.preparedQuery(RESET_PASSWORD).execute(Tuple.of(id, passwordHash)).mapEmpty();
  }

  /**
   * Replaces the user's password hash, as its owner asked with their current password; the
   * changes of email asked before no longer happen.
   */
  public Future<Void> changePassword(UUID id, String passwordHash) {
    return pool.preparedQuery(CHANGE_PASSWORD).execute(Tuple.of(id, passwordHash)).mapEmpty();
  }

  /** A user row (columns id, email, display_name, roles, email_verified_at, created_at, disabled) as the API's JSON. */
  public static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", Rows.uuid(row, "id"))
        .put("email", row.getString("email"))
        .put("display_name", row.getString("display_name"))
        .put("roles", new JsonArray(List.of(row.getArrayOfStrings("roles"))))
        .put("email_verified", row.getValue("email_verified_at") != null)
        .put("created_at", Rows.timestamp(row, "created_at"))
        .put("disabled", row.getBoolean("disabled"));
  }
}
