package com.runningtrainer.common.auth;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revocation list held in memory: every unexpired {@link Revocation}, read by every event
 * loop of the process while one feeds it. Adding is a merge, so that the same entry told twice
 * (by the push and by a snapshot) or out of order leaves the latest.
 */
final class RevokedTokens {

  private final ConcurrentHashMap<String, Revocation> entries = new ConcurrentHashMap<>();

  void add(Revocation revocation) {
    entries.merge(revocation.kind() + ":" + revocation.subject(), revocation, RevokedTokens::latest);
  }

  /**
   * Whether a token with these claims is revoked: its own id or its session's, or its user's
   * tokens issued until a time at or after its {@code iat}.
   */
  boolean covers(JsonObject claims, long issuedAt) {
    if (entries.containsKey("jti:" + claims.getString("jti", "")) || entries.containsKey("sid:" + claims.getString("sid", ""))) {
      return true;
    }
    Revocation byUser = entries.get("user:" + claims.getString("sub", ""));
    return byUser != null && issuedAt <= byUser.revokedBefore();
  }

  /** Forgets what no live token can be covered by any more. */
  void dropExpired(long nowSeconds) {
    entries.values().removeIf(revocation -> revocation.expiresAt() < nowSeconds);
  }

  int size() {
    return entries.size();
  }

  private static Revocation latest(Revocation a, Revocation b) {
    return new Revocation(a.kind(), a.subject(), Math.max(a.revokedBefore(), b.revokedBefore()),
        Math.max(a.expiresAt(), b.expiresAt()));
  }
}
