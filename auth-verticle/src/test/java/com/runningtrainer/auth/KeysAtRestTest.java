package com.runningtrainer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.auth.token.KeyRotation;
import com.runningtrainer.testsupport.TestAccounts;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The private halves of the signing keys are stored sealed with {@code SIGNING_KEY_SECRET}, so
 * that a copy of the database signs no token; that a restart reads them back is
 * {@link KeysSurviveRestartTest}.
 */
class KeysAtRestTest {

  private static AuthPlatform platform;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(KeysAtRestTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void theStoredRowHoldsNoPrivateKeyInClear() {
    String stored = platform.sealedSigningKey().privateKeyPem();

    assertThat(stored).doesNotContain("PRIVATE KEY").startsWith("aes256gcm:");
    assertThat(platform.storedSigningKey().privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
  }

  @Test
  void aRotatedKeyIsStoredSealedToo() {
    String kid = KeyRotation.rotate(platform.vertx, platform.config()).await();

    assertThat(platform.sealedSigningKey().kid()).isEqualTo(kid);
    assertThat(platform.sealedSigningKey().privateKeyPem()).doesNotContain("PRIVATE KEY");
  }

  @Test
  void aKeyStoredInClearBeforeSealingIsSealedAtTheNextStartAndStillSigns() {
    platform.storeInClear(platform.storedSigningKey());

    platform.restart();

    assertThat(platform.sealedSigningKey().privateKeyPem()).doesNotContain("PRIVATE KEY");
    String email = TestAccounts.newEmail();
    platform.newUser(email);
    assertThat(platform.me(platform.tokenOf(email)).statusCode()).isEqualTo(200);
  }

  @Test
  void anotherSecretRefusesToStartAndSaysWhy() {
    Throwable failure = platform.startFailureWith(Map.of("AUTH_PORT", "0",
        "SIGNING_KEY_SECRET", "YW5vdGhlciBzZWNyZXQ6IG5vdCB0aGUgcmlnaHQgMzI="));

    assertThat(failure).isNotNull();
    assertThat(failure.getMessage()).contains("SIGNING_KEY_SECRET").contains("not the secret");
  }
}
