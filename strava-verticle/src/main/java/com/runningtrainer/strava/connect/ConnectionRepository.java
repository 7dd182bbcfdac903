package com.runningtrainer.strava.connect;

import com.runningtrainer.common.db.Rows;
import com.runningtrainer.common.db.SqlStates;
import com.runningtrainer.common.api.Failures;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * All the SQL of the connections, each statement for one owner. The tokens arrive and leave
 * sealed: this class never sees them in clear.
 */
public final class ConnectionRepository {

  private static final String VIEW = "athlete_id, firstname, lastname, city, country, sex, weight, measurement_preference, "
      + "profile_url, granted_scope, state, connected_at, last_sync_at";

  private final Pool pool;

  public ConnectionRepository(Pool pool) {
    this.pool = pool;
  }

  public Pool pool() {
    return pool;
  }

  /**
   * Stores the owner's connection, replacing any earlier one of theirs; 409 when this Strava
   * athlete is already connected to another user.
   */
  public Future<JsonObject> save(UUID owner, JsonObject athlete, List<String> scope, SealedTokens tokens) {
    return pool.preparedQuery("INSERT INTO connections (owner_id, athlete_id, firstname, lastname, city, country, sex, weight, "
            + "measurement_preference, profile_url, granted_scope, access_token, refresh_token, expires_at) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) "
            + "ON CONFLICT (owner_id) DO UPDATE SET athlete_id = EXCLUDED.athlete_id, firstname = EXCLUDED.firstname, "
            + "lastname = EXCLUDED.lastname, city = EXCLUDED.city, country = EXCLUDED.country, sex = EXCLUDED.sex, "
            + "weight = EXCLUDED.weight, measurement_preference = EXCLUDED.measurement_preference, "
            + "profile_url = EXCLUDED.profile_url, granted_scope = EXCLUDED.granted_scope, "
            + "access_token = EXCLUDED.access_token, refresh_token = EXCLUDED.refresh_token, "
            + "expires_at = EXCLUDED.expires_at, state = 'connected', updated_at = now() "
            + "RETURNING " + VIEW)
        .execute(Tuple.from(Arrays.asList(owner, athlete.getLong("id"), text(athlete, "firstname"), text(athlete, "lastname"),
            text(athlete, "city"), text(athlete, "country"), text(athlete, "sex"), weight(athlete),
            text(athlete, "measurement_preference"), text(athlete, "profile"), String.join(",", scope),
            tokens.access(), tokens.refresh(), utc(tokens.expiresAt()))))
        .map(rows -> Rows.first(rows, ConnectionRepository::view))
        .recover(failure -> Future.failedFuture(SqlStates.isUniqueViolation(failure)
            ? Failures.conflict("this Strava athlete is connected to another account")
            : failure));
  }

  /** The owner's connection as the API shows it; null when they have none. */
  public Future<JsonObject> find(UUID owner) {
    return pool.preparedQuery("SELECT " + VIEW + " FROM connections WHERE owner_id = $1")
        .execute(Tuple.of(owner)).map(rows -> Rows.first(rows, ConnectionRepository::view));
  }

  /** The user whose connection is this Strava athlete's; null when nobody connected them. */
  public Future<UUID> ownerOf(long athleteId) {
    return pool.preparedQuery("SELECT owner_id FROM connections WHERE athlete_id = $1").execute(Tuple.of(athleteId))
        .map(rows -> Rows.first(rows, row -> row.getUUID("owner_id")));
  }

  /** The owner's tokens and state, the row locked until {@code client}'s transaction ends; null when none. */
  public Future<Held> lock(SqlClient client, UUID owner) {
    return client.preparedQuery("SELECT access_token, refresh_token, expires_at, state FROM connections "
            + "WHERE owner_id = $1 FOR UPDATE")
        .execute(Tuple.of(owner))
        .map(rows -> Rows.first(rows, row -> new Held(new SealedTokens(row.getString("access_token"),
            row.getString("refresh_token"), row.getOffsetDateTime("expires_at").toInstant()), row.getString("state"))));
  }

  public Future<Void> replaceTokens(SqlClient client, UUID owner, SealedTokens tokens) {
    return client.preparedQuery("UPDATE connections SET access_token = $2, refresh_token = $3, expires_at = $4, "
            + "refreshed_at = now(), updated_at = now() WHERE owner_id = $1")
        .execute(Tuple.of(owner, tokens.access(), tokens.refresh(), utc(tokens.expiresAt()))).mapEmpty();
  }

  public Future<Void> markState(UUID owner, String state) {
    return pool.preparedQuery("UPDATE connections SET state = $2, updated_at = now() WHERE owner_id = $1")
        .execute(Tuple.of(owner, state)).mapEmpty();
  }

  /** The athlete's profile as Strava gives it now ({@code GET /athlete}), over the one stored. */
  public Future<Void> refreshProfile(UUID owner, JsonObject athlete) {
    return pool.preparedQuery("UPDATE connections SET firstname = $2, lastname = $3, city = $4, country = $5, sex = $6, "
            + "weight = $7, measurement_preference = $8, profile_url = $9, updated_at = now() WHERE owner_id = $1")
        .execute(Tuple.from(Arrays.asList(owner, text(athlete, "firstname"), text(athlete, "lastname"),
            text(athlete, "city"), text(athlete, "country"), text(athlete, "sex"), weight(athlete),
            text(athlete, "measurement_preference"), text(athlete, "profile"))))
        .mapEmpty();
  }

  /** A sync of the owner's finished now. */
  public Future<Void> markSynced(UUID owner) {
    return pool.preparedQuery("UPDATE connections SET last_sync_at = now(), updated_at = now() WHERE owner_id = $1")
        .execute(Tuple.of(owner)).mapEmpty();
  }

  /** Deletes the owner's connection; whether there was one. */
  public Future<Boolean> delete(UUID owner) {
    return pool.preparedQuery("DELETE FROM connections WHERE owner_id = $1").execute(Tuple.of(owner))
        .map(rows -> rows.rowCount() > 0);
  }

  private static JsonObject view(Row row) {
    List<String> scope = Scopes.granted(row.getString("granted_scope"));
    return new JsonObject()
        .put("athlete", new JsonObject()
            .put("id", row.getLong("athlete_id"))
            .put("firstname", row.getString("firstname"))
            .put("lastname", row.getString("lastname"))
            .put("city", row.getString("city"))
            .put("country", row.getString("country"))
            .put("sex", row.getString("sex"))
            .put("weight", Rows.number(row, "weight"))
            .put("measurement_preference", row.getString("measurement_preference"))
            .put("profile_url", row.getString("profile_url")))
        .put("granted_scope", new JsonArray(scope))
        .put("notices", Scopes.notices(scope))
        .put("state", row.getString("state"))
        .put("connected_at", Rows.timestamp(row, "connected_at"))
        .put("last_sync_at", Rows.timestamp(row, "last_sync_at"));
  }

  private static String text(JsonObject json, String field) {
    // Strava's text goes into PostgreSQL text, which takes no NUL; and no profile field is long.
    if (!(json.getValue(field) instanceof String value) || value.isBlank()) {
      return null;
    }
    String clean = value.replace("\u0000", "");
    return clean.substring(0, Math.min(clean.length(), 500));
  }

  private static Double weight(JsonObject athlete) {
    return athlete.getValue("weight") instanceof Number weight && weight.doubleValue() > 0 && weight.doubleValue() < 1000
        ? weight.doubleValue() : null;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** Tokens as stored: sealed. */
  public record SealedTokens(String access, String refresh, Instant expiresAt) {
  }

  /** A connection's tokens while its row is locked. */
  public record Held(SealedTokens tokens, String state) {
  }
}
