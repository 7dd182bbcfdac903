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

  private static final String INSERT = "INSERT INTO signing_keys (kid, algorithm, private_key_pem, public_jwk) "
      + "VALUES ($1, $2, $3, $4)";

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

  public Future<Void> insert(SigningKey key) {
    return pool.preparedQuery(INSERT)
        .execute(Tuple.of(key.kid(), SigningKey.ALGORITHM, key.privateKeyPem(), key.publicJwk()))
        .mapEmpty();
  }
}
