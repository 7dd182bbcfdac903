package com.runningtrainer.auth.token;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * All SQL of signing keys, newest first. The private halves are stored sealed by a
 * {@link KeySeal} (the column keeps its old name); sealing and opening run on a worker.
 */
public final class SigningKeyRepository {

  // A key is published until its successor has signed for a token's lifetime (plus the lead
  // during which the successor was published but not yet signing); "mature" keys may sign.
  private static final String PUBLISHED = "SELECT kid, private_key_pem, public_jwk, "
      + "created_at <= now() - make_interval(secs => $1) AS mature FROM ("
      + "SELECT *, lag(created_at) OVER (ORDER BY created_at DESC, kid DESC) AS succeeded_at FROM signing_keys) k "
      + "WHERE succeeded_at IS NULL OR succeeded_at > now() - make_interval(secs => $2) "
      + "ORDER BY created_at DESC, kid DESC";

  private static final String INSERT = "INSERT INTO signing_keys (kid, algorithm, private_key_pem, public_jwk) "
      + "VALUES ($1, $2, $3, $4)";

  // Serialises first starts: instances starting together on an empty table make one key, not one each.
  private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('auth.signing_keys'))";

  private static final String INSERT_FIRST = "INSERT INTO signing_keys (kid, algorithm, private_key_pem, public_jwk) "
      + "SELECT $1, $2, $3, $4 WHERE NOT EXISTS (SELECT 1 FROM signing_keys)";

  private static final String CLEAR = "SELECT kid, private_key_pem FROM signing_keys WHERE private_key_pem NOT LIKE '"
      + KeySeal.SEALED + "%'";

  private static final String SEAL = "UPDATE signing_keys SET private_key_pem = $3 WHERE kid = $1 AND private_key_pem = $2";

  private final Vertx vertx;
  private final Pool pool;
  private final KeySeal seal;

  public SigningKeyRepository(Vertx vertx, Pool pool, KeySeal seal) {
    this.vertx = vertx;
    this.pool = pool;
    this.seal = seal;
  }

  /**
   * Seals the keys stored in clear before keys were sealed; how many there were. Each is
   * replaced only while still clear, so instances starting together seal each key once.
   */
  public Future<Integer> sealClearKeys() {
    return pool.query(CLEAR).execute().compose(rows -> {
      List<Tuple> updates = new ArrayList<>();
      rows.forEach(row -> updates.add(Tuple.of(row.getString("kid"), row.getString("private_key_pem"), null)));
      if (updates.isEmpty()) {
        return Future.succeededFuture(0);
      }
      return vertx.executeBlocking(() -> updates.stream()
              .map(update -> Tuple.of(update.getString(0), update.getString(1), seal.seal(update.getString(1)))).toList())
          .compose(sealed -> pool.preparedQuery(SEAL).executeBatch(sealed)).map(done -> updates.size());
    });
  }

  /**
   * The keys to publish, newest first, and the one to sign with: the newest that has been
   * published for {@code leadSeconds}, so that every instance publishes a key before any signs
   * with it; failing that (a first start), the oldest published.
   *
   * @param retireSeconds how long a key stays published once a successor exists
   */
  public Future<KeySet> published(long leadSeconds, long retireSeconds) {
    return pool.preparedQuery(PUBLISHED).execute(Tuple.of(leadSeconds, retireSeconds)).compose(rows -> {
      List<Row> stored = new ArrayList<>();
      rows.forEach(stored::add);
      return vertx.executeBlocking(() -> {
        List<SigningKey> keys = new ArrayList<>();
        SigningKey signing = null;
        for (Row row : stored) {
          SigningKey key = new SigningKey(row.getString("kid"), seal.open(row.getString("private_key_pem")),
              (JsonObject) row.getValue("public_jwk"));
          keys.add(key);
          if (signing == null && row.getBoolean("mature")) {
            signing = key;
          }
        }
        return keys.isEmpty() ? null : new KeySet(keys, signing != null ? signing : keys.get(keys.size() - 1));
      });
    });
  }

  /** Adds a key: the next to sign, once published long enough. */
  public Future<Void> insert(SigningKey key) {
    return sealed(key).compose(values -> pool.preparedQuery(INSERT).execute(values)).mapEmpty();
  }

  /** Stores the key only if there is none yet. */
  public Future<Void> insertFirst(SigningKey key) {
    return sealed(key).compose(values -> pool.withTransaction(connection -> connection.query(LOCK).execute()
        .compose(locked -> connection.preparedQuery(INSERT_FIRST).execute(values))
        .mapEmpty()));
  }

  private Future<Tuple> sealed(SigningKey key) {
    return vertx.executeBlocking(() -> Tuple.of(key.kid(), SigningKey.ALGORITHM, seal.seal(key.privateKeyPem()), key.publicJwk()));
  }
}
