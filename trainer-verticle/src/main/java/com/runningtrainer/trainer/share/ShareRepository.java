package com.runningtrainer.trainer.share;

import com.runningtrainer.common.api.Page;
import com.runningtrainer.common.db.PagedQuery;
import com.runningtrainer.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * All SQL of shares: the statements on the table, and the conditions the other repositories put
 * in their own statements so that a coach reaches an athlete's rows only through an active share.
 */
public final class ShareRepository {

  private static final String COLUMNS = "id, athlete_id, coach_email, coach_id, access, share_strava_runs, status, "
      + "accepted_at, revoked_at, created_at, updated_at";

  private static final String LIVE = "status IN ('pending', 'active')";

  private static final String INSERT = "INSERT INTO shares (id, athlete_id, coach_email, access, share_strava_runs) "
      + "VALUES ($1, $2, $3, $4, $5) RETURNING " + COLUMNS;

  private static final PagedQuery ATHLETES_SHARES = new PagedQuery(
      "SELECT " + COLUMNS + ", count(*) OVER () AS total FROM shares WHERE athlete_id = $1 "
          + "ORDER BY created_at DESC, id LIMIT $2 OFFSET $3",
      "SELECT count(*) AS total FROM shares WHERE athlete_id = $1",
      ShareRepository::toJson);

  // The athlete sees their share in every state; a coach only while it is active, so that a
  // revoked coach learns nothing more of the athlete from it.
  private static final String FIND = "SELECT " + COLUMNS + " FROM shares "
      + "WHERE id = $1 AND (athlete_id = $2 OR (coach_id = $2 AND status = 'active'))";

  private static final String UPDATE = "UPDATE shares SET access = coalesce($3, access), "
      + "share_strava_runs = coalesce($4, share_strava_runs), updated_at = now() "
      + "WHERE id = $1 AND athlete_id = $2 AND " + LIVE + " RETURNING " + COLUMNS;

  // The athlete revokes a share pending or active; the coach ends one they accepted.
  private static final String REVOKE = "UPDATE shares SET status = 'revoked', revoked_at = now(), updated_at = now() "
      + "WHERE id = $1 AND " + LIVE + " AND (athlete_id = $2 OR (coach_id = $2 AND status = 'active'))";

  // A coach who lost the role or their account: pending invitations to their email may stay,
  // since accepting asks auth again.
  private static final String REVOKE_OF_COACH = "UPDATE shares SET status = 'revoked', revoked_at = now(), "
      + "updated_at = now() WHERE coach_id = $1 AND status = 'active'";

  private static final String ACTIVE_COACHES = "SELECT DISTINCT coach_id FROM shares WHERE status = 'active'";

  private static final PagedQuery INVITATIONS = new PagedQuery(
      "SELECT " + COLUMNS + ", count(*) OVER () AS total FROM shares WHERE coach_email = $1 AND status = 'pending' "
          + "AND athlete_id <> $2 ORDER BY created_at, id LIMIT $3 OFFSET $4",
      "SELECT count(*) AS total FROM shares WHERE coach_email = $1 AND status = 'pending' AND athlete_id <> $2",
      ShareRepository::toJson);

  private static final String FIND_INVITATION = "SELECT " + COLUMNS + " FROM shares "
      + "WHERE id = $1 AND coach_email = $2 AND status = 'pending' AND athlete_id <> $3";

  private static final String ACCEPT = "UPDATE shares SET status = 'active', coach_id = $3, accepted_at = now(), "
      + "updated_at = now() WHERE id = $1 AND coach_email = $2 AND status = 'pending' AND athlete_id <> $3 "
      + "RETURNING " + COLUMNS;

  private static final PagedQuery ATHLETES = new PagedQuery(
      "SELECT " + COLUMNS + ", count(*) OVER () AS total FROM shares WHERE coach_id = $1 AND status = 'active' "
          + "ORDER BY accepted_at, id LIMIT $2 OFFSET $3",
      "SELECT count(*) AS total FROM shares WHERE coach_id = $1 AND status = 'active'",
      ShareRepository::toJson);

  private static final String ACCESS = "SELECT access FROM shares WHERE coach_id = $1 AND athlete_id = $2 AND status = 'active'";

  private final Pool pool;

  public ShareRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Owners whose plans, workouts and runs {@code caller} (a parameter, e.g. {@code $2}) reads:
   * themselves, and every athlete with an active share to them.
   */
  public static String ownersReadableBy(String caller) {
    return "(SELECT " + caller + "::uuid UNION ALL SELECT athlete_id FROM shares "
        + "WHERE coach_id = " + caller + " AND status = 'active')";
  }

  /** Owners whose plans and workouts {@code caller} changes: themselves, and athletes sharing read-write. */
  public static String ownersWritableBy(String caller) {
    return "(SELECT " + caller + "::uuid UNION ALL SELECT athlete_id FROM shares "
        + "WHERE coach_id = " + caller + " AND status = 'active' AND access = 'read_write')";
  }

  /**
   * Whether the run of alias {@code run} is visible to {@code caller}: their own, or an athlete's
   * who shares with them, leaving out runs imported from Strava unless the athlete opted in.
   */
  public static String runVisibleTo(String run, String caller) {
    return "(" + run + ".owner_id = " + caller + " OR EXISTS (SELECT 1 FROM shares s WHERE s.athlete_id = " + run
        + ".owner_id AND s.coach_id = " + caller + " AND s.status = 'active' AND (" + run
        + ".source <> 'strava' OR s.share_strava_runs)))";
  }

  /**
   * Whether the Strava data of the row of alias {@code row} (its owner's) is shown to {@code caller}:
   * their own, or an athlete's who shares Strava runs with them.
   */
  public static String stravaDataVisibleTo(String row, String caller) {
    return "(" + row + ".owner_id = " + caller + " OR EXISTS (SELECT 1 FROM shares s WHERE s.athlete_id = " + row
        + ".owner_id AND s.coach_id = " + caller + " AND s.status = 'active' AND s.share_strava_runs))";
  }

  /** The invitation created; fails with a unique violation when a live share with this email exists. */
  public Future<JsonObject> insert(UUID athlete, ShareFields share) {
    return pool.preparedQuery(INSERT)
        .execute(Tuple.of(UUID.randomUUID(), athlete, share.coachEmail(), share.access(), share.shareStravaRuns()))
        .map(rows -> Rows.first(rows, ShareRepository::toJson));
  }

  /** Every share the athlete made, revoked ones too, newest first. */
  public Future<JsonObject> pageOfAthlete(UUID athlete, Page page) {
    return ATHLETES_SHARES.fetch(pool, Tuple.of(athlete), page);
  }

  /** The share, when the caller is its athlete or the coach of it while active; null otherwise. */
  public Future<JsonObject> find(UUID caller, UUID id) {
    return pool.preparedQuery(FIND).execute(Tuple.of(id, caller)).map(rows -> Rows.first(rows, ShareRepository::toJson));
  }

  /** The live share as changed; null when the athlete has no such live share. Null fields stay as they are. */
  public Future<JsonObject> update(UUID athlete, UUID id, String access, Boolean shareStravaRuns) {
    return pool.preparedQuery(UPDATE).execute(Tuple.of(id, athlete, access, shareStravaRuns))
        .map(rows -> Rows.first(rows, ShareRepository::toJson));
  }

  /** Revokes a live share of the athlete, or an active one of the coach; false when there is none. */
  public Future<Boolean> revoke(UUID caller, UUID id) {
    return pool.preparedQuery(REVOKE).execute(Tuple.of(id, caller)).map(rows -> rows.rowCount() > 0);
  }

  /** Revokes every active share of the coach; how many there were. */
  public Future<Integer> revokeOfCoach(UUID coach) {
    return pool.preparedQuery(REVOKE_OF_COACH).execute(Tuple.of(coach)).map(rows -> rows.rowCount());
  }

  /** The coaches with an active share. */
  public Future<List<UUID>> activeCoaches() {
    return pool.query(ACTIVE_COACHES).execute().map(rows -> {
      List<UUID> coaches = new ArrayList<>();
      rows.forEach(row -> coaches.add(row.getUUID("coach_id")));
      return coaches;
    });
  }

  /** Pending invitations to this lower-cased email, oldest first, leaving out the caller's own. */
  public Future<JsonObject> invitations(String email, UUID caller, Page page) {
    return INVITATIONS.fetch(pool, Tuple.of(email, caller), page);
  }

  /** The pending invitation to this email, or null. */
  public Future<JsonObject> findInvitation(UUID id, String email, UUID caller) {
    return pool.preparedQuery(FIND_INVITATION).execute(Tuple.of(id, email, caller))
        .map(rows -> Rows.first(rows, ShareRepository::toJson));
  }

  /** The share made active for this coach; null when the invitation to their email is no longer pending. */
  public Future<JsonObject> accept(UUID id, String email, UUID coach) {
    return pool.preparedQuery(ACCEPT).execute(Tuple.of(id, email, coach))
        .map(rows -> Rows.first(rows, ShareRepository::toJson));
  }

  /** The coach's active shares, longest-standing first. */
  public Future<JsonObject> pageOfCoach(UUID coach, Page page) {
    return ATHLETES.fetch(pool, Tuple.of(coach), page);
  }

  /** {@code read} or {@code read_write} when the athlete shares with the coach now; null otherwise. */
  public Future<String> access(UUID coach, UUID athlete) {
    return pool.preparedQuery(ACCESS).execute(Tuple.of(coach, athlete)).map(rows -> Rows.first(rows, row -> row.getString("access")));
  }

  static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", Rows.uuid(row, "id"))
        .put("athlete_id", Rows.uuid(row, "athlete_id"))
        .put("coach_email", row.getString("coach_email"))
        .put("coach_id", Rows.uuid(row, "coach_id"))
        .put("access", row.getString("access"))
        .put("share_strava_runs", row.getBoolean("share_strava_runs"))
        .put("status", row.getString("status"))
        .put("accepted_at", Rows.timestamp(row, "accepted_at"))
        .put("revoked_at", Rows.timestamp(row, "revoked_at"))
        .put("created_at", Rows.timestamp(row, "created_at"))
        .put("updated_at", Rows.timestamp(row, "updated_at"));
  }
}
