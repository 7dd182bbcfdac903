package com.runningtrainer.auth.token;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** All SQL of signing keys, newest first. */
public final class SigningKeyRepository {

  private static final String ALL = "SELECT kid, private_key_pem, public_jwk FROM signing_keys ORDER BY created_at DESC, kid";

  // Serialises first starts: instances starting together on an empty table make one key, not one each.
  private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('auth.signing_keys'))";

  private static final String INSERT_FIRST = "INSERT INTO signing_keys (kid, algorithm, private_key_pem, public_jwk) "
      + "SELECT $1, $2, $3, $4 WHERE NOT EXISTS (SELECT 1 FROM signing_keys)";

  private final Pool pool;

  public SigningKeyRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<SigningKey>> all() {
    return pool.query(ALL).execute().map(rows -> {
      List<SigningKey> keys = new ArrayList<>();
      for (Row row : rows) {
        keys.add(new SigningKey(row.getString("kid"), row.getString("private_key_pem"), (JsonObject) row.getValue("public_jwk")));
      }
      return keys;
    });
  }

  /** Stores the key only if there is none yet. */
  public Future<Void> insertFirst(SigningKey key) {
    return pool.withTransaction(connection -> connection.query(LOCK).execute()
        .compose(locked -> connection.preparedQuery(INSERT_FIRST)
            .execute(Tuple.of(key.kid(), SigningKey.ALGORITHM, key.privateKeyPem(), key.publicJwk())))
        .mapEmpty());
  }
}
