package com.runningtrainer.auth.token;

import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.crypto.SecretSeal;

/**
 * Seals the private halves of the signing keys for the database with common's
 * {@link SecretSeal} (AES-256-GCM, a random 96-bit nonce each time), so that a copy of the
 * database or of its backups signs no token. The secret is {@code SIGNING_KEY_SECRET} (base64 of
 * 32 bytes); unset, it is the file {@code signing-key.secret} in {@code RT_DATA_DIR}, made on
 * first use with mode 600, like the embedded servers' data. Keys stored in clear before sealing
 * existed are still read, and sealed at auth's next start. Reading the file is blocking: call
 * {@link #from} on a worker.
 */
public final class KeySeal {

  static final String SEALED = SecretSeal.SEALED;
  private static final String VARIABLE = "SIGNING_KEY_SECRET";
  private static final String SECRET_FILE = "signing-key.secret";

  private final SecretSeal seal;

  public KeySeal(byte[] secret) {
    this(new SecretSeal(secret, VARIABLE));
  }

  private KeySeal(SecretSeal seal) {
    this.seal = seal;
  }

  /** The seal of {@code SIGNING_KEY_SECRET}, else of the secret file in {@code RT_DATA_DIR}, made if absent. */
  public static KeySeal from(Config config) {
    return new KeySeal(SecretSeal.from(config, VARIABLE, SECRET_FILE));
  }

  /** The private key PEM sealed: {@code aes256gcm:} and base64 of nonce, ciphertext and tag. */
  public String seal(String privateKeyPem) {
    return seal.seal(privateKeyPem);
  }

  /**
   * The private key PEM of a stored value: opened when sealed, as it is when stored in clear.
   *
   * @throws IllegalStateException when this secret is not the one the value was sealed with
   */
  public String open(String stored) {
    return isSealed(stored) ? seal.open(stored) : stored;
  }

  public static boolean isSealed(String stored) {
    return stored.startsWith(SEALED);
  }
}
