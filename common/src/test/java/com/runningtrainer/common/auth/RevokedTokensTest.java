package com.runningtrainer.common.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** What the in-memory list refuses, and what it forgets. */
class RevokedTokensTest {

  private static JsonObject token(String jti, String sid, String sub) {
    return new JsonObject().put("jti", jti).put("sid", sid).put("sub", sub);
  }

  @Test
  void aTokenIsRefusedByItsOwnIdOrItsSessions() {
    RevokedTokens revoked = new RevokedTokens();
    revoked.add(new Revocation("jti", "t1", 0, 2000));
    revoked.add(new Revocation("sid", "s2", 0, 2000));

    assertThat(revoked.covers(token("t1", "s1", "u1"), 100)).isTrue();
    assertThat(revoked.covers(token("t9", "s2", "u1"), 100)).isTrue();
    assertThat(revoked.covers(token("t9", "s9", "u1"), 100)).isFalse();
  }

  @Test
  void aUsersRevocationRefusesTokensIssuedUntilThenAndNotAfter() {
    RevokedTokens revoked = new RevokedTokens();
    revoked.add(new Revocation("user", "u1", 1000, 2000));

    assertThat(revoked.covers(token("a", "s", "u1"), 999)).isTrue();
    assertThat(revoked.covers(token("b", "s", "u1"), 1000)).isTrue();
    assertThat(revoked.covers(token("c", "s", "u1"), 1001)).isFalse();
  }

  @Test
  void anOlderCopyOfAUsersRevocationToldLateDoesNotUndoTheNewer() {
    RevokedTokens revoked = new RevokedTokens();
    revoked.add(new Revocation("user", "u1", 1500, 2500));
    revoked.add(new Revocation("user", "u1", 1000, 2000));

    assertThat(revoked.covers(token("a", "s", "u1"), 1200)).isTrue();
  }

  @Test
  void whatNoLiveTokenCanBeCoveredByIsForgotten() {
    RevokedTokens revoked = new RevokedTokens();
    revoked.add(new Revocation("jti", "old", 0, 1000));
    revoked.add(new Revocation("jti", "live", 0, 3000));

    revoked.dropExpired(2000);

    assertThat(revoked.size()).isEqualTo(1);
    assertThat(revoked.covers(token("live", "s", "u"), 0)).isTrue();
  }
}
