package com.runningtrainer.auth.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id at OWASP's minimum parameters (19 MiB, 2 iterations, 1 lane), stored in the PHC
 * string format so that parameters can be raised later without breaking old hashes.
 * CPU- and memory-heavy by design: call it only from a worker thread.
 */
public final class PasswordHasher {

  private static final int MEMORY_KIB = 19 * 1024;
  private static final int ITERATIONS = 2;
  private static final int LANES = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  /**
   * A hash at these parameters of a random secret nobody kept: checking a password against it
   * takes as long as against a user's hash, for logins of unknown emails. Made once, offline,
   * rather than at every start (a start paid an Argon2 hash per auth instance for it); a test
   * keeps its parameters equal to the ones above.
   */
  public static final String DECOY = "$argon2id$v=19$m=19456,t=2,p=1$rNDZcSxEP+VXMeUJS8iJmg$SSIKmUXJt0XiMwHX4pLOVWGguOjksDH41xf0mgWtZSY";

  private final SecureRandom random = new SecureRandom();

  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, LANES, HASH_BYTES);
    return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + LANES + "$" + B64.encodeToString(salt) + "$"
        + B64.encodeToString(hash);
  }

  /** Whether the password matches the PHC-encoded hash; compared in constant time. False for a malformed hash. */
  public boolean verify(String password, String encoded) {
    String[] parts = encoded.split("\\$");
    if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
      return false;
    }
    try {
      return verify(password, parts);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean verify(String password, String[] parts) {
    int memory = 0;
    int iterations = 0;
    int lanes = 0;
    for (String parameter : parts[3].split(",")) {
      int value = Integer.parseInt(parameter.substring(2));
      switch (parameter.charAt(0)) {
        case 'm' -> memory = value;
        case 't' -> iterations = value;
        case 'p' -> lanes = value;
        default -> {
          return false;
        }
      }
    }
    byte[] salt = B64D.decode(parts[4]);
    byte[] expected = B64D.decode(parts[5]);
    byte[] actual = argon2(password, salt, memory, iterations, lanes, expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] argon2(String password, byte[] salt, int memory, int iterations, int lanes, int length) {
    Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memory)
        .withIterations(iterations)
        .withParallelism(lanes)
        .withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
