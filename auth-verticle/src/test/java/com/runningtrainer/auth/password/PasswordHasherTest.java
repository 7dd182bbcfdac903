package com.runningtrainer.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Argon2id in PHC strings: what is stored for a password, and what it matches. */
class PasswordHasherTest {

  private static final String PASSWORD = "correct horse battery";

  // Made with the reference implementation (libargon2 20190702, argon2id_hash_encoded).
  private static final String REFERENCE_OWASP_PARAMETERS =
      "$argon2id$v=19$m=19456,t=2,p=1$cnVubmluZy10cmFpbmVyIQ$HD1ri7oLhUSMdOZzZTN2qCy5NmjrS+Ral3+Fg7TXGZc";
  private static final String REFERENCE_OTHER_PARAMETERS =
      "$argon2id$v=19$m=4096,t=3,p=1$YW5vdGhlciBzYWx0IDE2Yg$HULvEs0pZP8H37zRxVAOBvCikJhzwGz5jRRt1Qo8rEg";
  private static final String REFERENCE_TWO_LANES_UNICODE =
      "$argon2id$v=19$m=8192,t=1,p=2$c2FsdHNhbHRzYWx0c2FsdA$GAyaLwIcTBg4Oq6L60Ucj6Kx0wbRFsKZK/dYy4QSUsU";

  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void hashIsAnArgon2idPhcStringAtOwaspMinimumParameters() {
    String hash = hasher.hash(PASSWORD);

    // 16 bytes of salt and 32 of hash, in unpadded standard base64: 22 and 43 characters.
    assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
  }

  @Test
  void theDecoyCostsWhatAUsersHashCosts() {
    String hash = hasher.hash(PASSWORD);

    // Same algorithm, version, parameters and sizes: checking against it takes as long as against a user's hash.
    assertThat(parameters(PasswordHasher.DECOY)).isEqualTo(parameters(hash));
    assertThat(PasswordHasher.DECOY).hasSameSizeAs(hash);
  }

  @Test
  void theDecoyMatchesNoPassword() {
    assertThat(hasher.verify("", PasswordHasher.DECOY)).isFalse();
    assertThat(hasher.verify(PASSWORD, PasswordHasher.DECOY)).isFalse();
  }

  /** The PHC string up to its salt: {@code $argon2id$v=19$m=…,t=…,p=…}. */
  private static String parameters(String phc) {
    String withoutHash = phc.substring(0, phc.lastIndexOf('$'));
    return withoutHash.substring(0, withoutHash.lastIndexOf('$'));
  }

  @Test
  void hashDoesNotContainThePassword() {
    assertThat(hasher.hash(PASSWORD)).doesNotContain(PASSWORD);
  }

  @Test
  void verifyAcceptsTheRightPassword() {
    String hash = hasher.hash(PASSWORD);

    assertThat(hasher.verify(PASSWORD, hash)).isTrue();
  }

  @Test
  void verifyRefusesAWrongPassword() {
    String hash = hasher.hash(PASSWORD);

    assertThat(hasher.verify("correct horse batterY", hash)).isFalse();
  }

  @Test
  void twoHashesOfTheSamePasswordDifferBySalt() {
    String first = hasher.hash(PASSWORD);
    String second = hasher.hash(PASSWORD);

    assertThat(first).isNotEqualTo(second);
    assertThat(salt(first)).isNotEqualTo(salt(second));
    assertThat(hasher.verify(PASSWORD, first)).isTrue();
    assertThat(hasher.verify(PASSWORD, second)).isTrue();
  }

  @Test
  void verifyAcceptsAHashMadeByTheReferenceImplementation() {
    assertThat(hasher.verify(PASSWORD, REFERENCE_OWASP_PARAMETERS)).isTrue();
    assertThat(hasher.verify(PASSWORD + " ", REFERENCE_OWASP_PARAMETERS)).isFalse();
  }

  @Test
  void verifyReadsTheParametersFromTheStoredHash() {
    assertThat(hasher.verify(PASSWORD, REFERENCE_OTHER_PARAMETERS)).isTrue();
    assertThat(hasher.verify("pässwörd ✓", REFERENCE_TWO_LANES_UNICODE)).isTrue();
  }

  @Test
  void verifyRefusesAHashOfAnotherAlgorithm() {
    String argon2i = REFERENCE_OWASP_PARAMETERS.replace("$argon2id$", "$argon2i$");

    assertThat(hasher.verify(PASSWORD, argon2i)).isFalse();
    assertThat(hasher.verify(PASSWORD, "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW")).isFalse();
  }

  private static String salt(String phc) {
    return phc.split("\\$")[4];
  }
}
