package com.runningtrainer.common.crypto;

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
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals short secrets for the database (AES-256-GCM, a random 96-bit nonce each time), so that a
 * copy of the database or its backups opens nothing. The key is an environment variable (base64
 * of 32 bytes); unset, a file in {@code RT_DATA_DIR} made on first use with mode 600, so that a
 * quick start needs no setting and several instances on one data directory share one key.
 * {@link #from} reads a file: call it on a worker. Sealing and opening a few hundred bytes is
 * cheap enough for an event loop.
 */
public final class SecretSeal {

  /** The prefix of a sealed value: {@code aes256gcm:} and base64 of nonce, ciphertext and tag. */
  public static final String SEALED = "aes256gcm:";
  private static final Logger LOG = LoggerFactory.getLogger(SecretSeal.class);
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final String source;

  /**
   * @param key 32 bytes
   * @param source where the key came from, named when a value cannot be opened
   */
  public SecretSeal(byte[] key, String source) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException(source + " must be " + KEY_BYTES + " bytes, not " + key.length);
    }
    this.key = new SecretKeySpec(key, "AES");
    this.source = source;
  }

  /**
   * The seal of the key in {@code variable}, else of the key file {@code fileName} in
   * {@code RT_DATA_DIR}, made if absent. Blocking.
   */
  public static SecretSeal from(Config config, String variable, String fileName) {
    return config.find(variable)
        .map(encoded -> new SecretSeal(decode(encoded, variable), variable))
        .orElseGet(() -> {
          Path file = Path.of(config.string("RT_DATA_DIR", "data")).resolve(fileName);
          return new SecretSeal(keyFile(file, variable), variable + " (or the file " + fileName + " in RT_DATA_DIR)");
        });
  }

  public String seal(String clear) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, clear.getBytes(StandardCharsets.UTF_8), 0, -1);
    return SEALED + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
  }

  /**
   * The clear value of a sealed one.
   *
   * @throws IllegalStateException when the value is not sealed, or not with this key
   */
  public String open(String sealed) {
    if (sealed == null || !sealed.startsWith(SEALED)) {
      throw new IllegalStateException("a value that should be sealed is not");
    }
    byte[] all = Base64.getDecoder().decode(sealed.substring(SEALED.length()));
    byte[] nonce = Arrays.copyOf(all, NONCE_BYTES);
    return new String(run(Cipher.DECRYPT_MODE, nonce, all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
  }

  private byte[] run(int mode, byte[] nonce, byte[] input, int offset, int length) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      return length < 0 ? cipher.doFinal(input) : cipher.doFinal(input, offset, length);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IllegalStateException("a sealed value cannot be opened with " + source + ": not the secret it was sealed with", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed", e);
    }
  }

  private static byte[] keyFile(Path file, String variable) {
    try {
      if (!Files.exists(file)) {
        make(file, variable);
      }
      return decode(Files.readString(file).strip(), file.toAbsolutePath().toString());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read or make the key " + file.toAbsolutePath()
          + "; set " + variable + " or make RT_DATA_DIR writable", e);
    }
  }

  /**
   * Writes a new key beside the file with mode 600 from the start, then links it in place: the
   * link fails when another instance made the file first, and nobody ever reads a half file.
   */
  private static void make(Path file, String variable) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    String name = file.getFileName().toString();
    Path draft = Files.createTempFile(directory, name, ".new",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      byte[] secret = new byte[KEY_BYTES];
      RANDOM.nextBytes(secret);
      Files.writeString(draft, Base64.getEncoder().encodeToString(secret) + "\n");
      Files.createLink(file, draft);
      LOG.info("no {}: made {}, the key that seals what the database keeps secret; keep it with the data",
          variable, file.toAbsolutePath());
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
