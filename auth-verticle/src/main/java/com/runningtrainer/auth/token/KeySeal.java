package com.runningtrainer.auth.token;

import com.runningtrainer.common.config.Config;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals the private halves of the signing keys for the database (AES-256-GCM, a random 96-bit
 * nonce each time), so that a copy of the database or of its backups signs no token. The secret
 * is {@code SIGNING_KEY_SECRET} (base64 of 32 bytes); unset, it is the file
 * {@code signing-key.secret} in {@code RT_DATA_DIR}, made on first use with mode 600, like the
 * embedded servers' data. Keys stored in clear before sealing existed are still read, and sealed
 * at auth's next start. Reading the file and ciphering are blocking: call on a worker.
 */
public final class KeySeal {

  static final String SEALED = "aes256gcm:";
  private static final Logger LOG = LoggerFactory.getLogger(KeySeal.class);
  private static final String SECRET_FILE = "signing-key.secret";
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  public KeySeal(byte[] secret) {
    if (secret.length != KEY_BYTES) {
      throw new IllegalArgumentException("the signing-key secret must be " + KEY_BYTES + " bytes, not " + secret.length);
    }
    this.key = new SecretKeySpec(secret, "AES");
  }

  /** The seal of {@code SIGNING_KEY_SECRET}, else of the secret file in {@code RT_DATA_DIR}, made if absent. */
  public static KeySeal from(Config config) {
    return config.find("SIGNING_KEY_SECRET")
        .map(encoded -> new KeySeal(decode(encoded, "SIGNING_KEY_SECRET")))
        .orElseGet(() -> new KeySeal(secretFile(Path.of(config.string("RT_DATA_DIR", "data")).resolve(SECRET_FILE))));
  }

  /** The private key PEM sealed: {@code aes256gcm:} and base64 of nonce, ciphertext and tag. */
  public String seal(String privateKeyPem) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce).doFinal(privateKeyPem.getBytes(StandardCharsets.UTF_8));
    return SEALED + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
  }

  /**
   * The private key PEM of a stored value: opened when sealed, as it is when stored in clear.
   *
   * @throws IllegalStateException when this secret is not the one the value was sealed with
   */
  public String open(String stored) {
    if (!isSealed(stored)) {
      return stored;
    }
    byte[] all = Base64.getDecoder().decode(stored.substring(SEALED.length()));
    byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
    try {
      return new String(cipher(Cipher.DECRYPT_MODE, nonce).doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException("the stored signing keys cannot be opened with this secret: SIGNING_KEY_SECRET "
          + "(or the file " + SECRET_FILE + " in RT_DATA_DIR) is not the secret they were sealed with", e);
    }
  }

  public static boolean isSealed(String stored) {
    return stored.startsWith(SEALED);
  }

  private Crypt cipher(int mode, byte[] nonce) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      return new Crypt(cipher);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot use AES-GCM", e);
    }
  }

  /** A cipher whose only checked failure that matters, a wrong key, stays checked. */
  private record Crypt(Cipher cipher) {
    byte[] doFinal(byte[] input) {
      try {
        return cipher.doFinal(input);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("sealing a signing key failed", e);
      }
    }

    byte[] doFinal(byte[] input, int offset, int length) throws AEADBadTagException {
      try {
        return cipher.doFinal(input, offset, length);
      } catch (AEADBadTagException e) {
        throw e;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("opening a signing key failed", e);
      }
    }
  }

  private static byte[] secretFile(Path file) {
    try {
      if (!Files.exists(file)) {
        make(file);
      }
      return decode(Files.readString(file).strip(), file.toAbsolutePath().toString());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read or make the signing-key secret " + file.toAbsolutePath()
          + "; set SIGNING_KEY_SECRET or make RT_DATA_DIR writable", e);
    }
  }

  /**
   * Writes a new secret beside the file with mode 600 from the start, then links it in place:
   * the link fails when another instance made the file first, and nobody ever reads a half file.
   */
  private static void make(Path file) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path draft = Files.createTempFile(directory, SECRET_FILE, ".new",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      byte[] secret = new byte[KEY_BYTES];
      RANDOM.nextBytes(secret);
      Files.writeString(draft, Base64.getEncoder().encodeToString(secret) + "\n");
      Files.createLink(file, draft);
      LOG.info("no SIGNING_KEY_SECRET: made {}, the secret that seals the signing keys; keep it with the data",
          file.toAbsolutePath());
    } catch (FileAlreadyExistsException madeMeanwhile) {
      // Another instance made it first: theirs is read.
    } finally {
      Files.deleteIfExists(draft);
    }
  }

  private static byte[] decode(String encoded, String source) {
    try {
      byte[] secret = Base64.getDecoder().decode(encoded.strip());
      if (secret.length != KEY_BYTES) {
        throw new IllegalArgumentException(secret.length + " bytes");
      }
      return secret;
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(source + " must be base64 of " + KEY_BYTES + " random bytes (e.g. `openssl rand -base64 32`)", e);
    }
  }
}
