package com.runningtrainer.auth.user;

import com.runningtrainer.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/** All SQL of users. Emails are stored lower-cased, so lookups are exact. */
public final class UserRepository {

  private static final String COLUMNS = "id, email, display_name, roles, email_verified_at, created_at";

  private static final String INSERT = "INSERT INTO users (id, email, password_hash, display_name) "
      + "VALUES ($1, $2, $3, $4) RETURNING " + COLUMNS;

  private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM users WHERE id = $1";

  private static final String FIND_CREDENTIALS = "SELECT " + COLUMNS + ", password_hash FROM users WHERE email = $1";

  private static final String FIND_BY_EMAIL = "SELECT " + COLUMNS + " FROM users WHERE email = $1";

  private static final String VERIFY_EMAIL = "UPDATE users SET email_verified_at = coalesce(email_verified_at, now()), "
      + "updated_at = now() WHERE id = $1";

  // A reset link followed proves the mailbox as much as a verification link does.
  private static final String RESET_PASSWORD = "UPDATE users SET password_hash = $2, "
      + "email_verified_at = coalesce(email_verified_at, now()), updated_at = now() WHERE id = $1";

  private final Pool pool;

  public UserRepository(Pool pool) {
    this.pool = pool;
  }

  /** The user created; fails with a unique violation when the email is taken. */
  public Future<JsonObject> insert(String email, String passwordHash, String displayName) {
    return pool.preparedQuery(INSERT)
        .execute(Tuple.of(UUID.randomUUID(), email, passwordHash, displayName))
        .map(rows -> Rows.first(rows, UserRepository::toJson));
  }

  public Future<JsonObject> findById(UUID id) {
    return pool.preparedQuery(FIND_BY_ID).execute(Tuple.of(id)).map(rows -> Rows.first(rows, UserRepository::toJson));
  }

  /** The user with their password hash under {@code password_hash}, or null. */
  public Future<JsonObject> findCredentials(String email) {
    return pool.preparedQuery(FIND_CREDENTIALS).execute(Tuple.of(email))
        .map(rows -> Rows.first(rows, row -> toJson(row).put("password_hash", row.getString("password_hash"))));
  }

  /** The user with this (lower-cased) email, or null. */
  public Future<JsonObject> findByEmail(String email) {
    return pool.preparedQuery(FIND_BY_EMAIL).execute(Tuple.of(email)).map(rows -> Rows.first(rows, UserRepository::toJson));
  }

  /** Marks the user's email verified, keeping the first time it was. */
  public Future<Void> markEmailVerified(UUID id) {
    return pool.preparedQuery(VERIFY_EMAIL).execute(Tuple.of(id)).mapEmpty();
  }

  /** Replaces the user's password hash after a reset by mail, which also verifies their email. */
  public Future<Void> resetPassword(UUID id, String passwordHash) {
    return pool.preparedQuery(RESET_PASSWORD).execute(Tuple.of(id, passwordHash)).mapEmpty();
  }

  static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", Rows.uuid(row, "id"))
        .put("email", row.getString("email"))
        .put("display_name", row.getString("display_name"))
        .put("roles", new JsonArray(java.util.List.of(row.getArrayOfStrings("roles"))))
        .put("email_verified", row.getValue("email_verified_at") != null)
        .put("created_at", Rows.timestamp(row, "created_at"));
  }
}
