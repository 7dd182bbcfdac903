package com.runningtrainer.auth.password;

import com.runningtrainer.common.api.Failures;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: 10 to 128 characters, and none of the 10,000 common passwords
 * shipped in {@value #COMMON_PASSWORDS} (where that list comes from is said at its top), compared
 * ignoring case. A refusal is a 400 naming {@code password} and saying why, never echoing it.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 128;
  static final String COMMON_PASSWORDS = "auth/common-passwords.txt";

  // Read once per JVM, however many verticle instances and restarts: the list never changes.
  private static Set<String> shipped;

  private final Set<String> common;

  PasswordPolicy(Set<String> common) {
    this.common = common;
  }

  /** The policy with the shipped list, read off the event loop the first time. */
  public static Future<PasswordPolicy> load(Vertx vertx) {
    return vertx.executeBlocking(() -> new PasswordPolicy(shippedList()));
  }

  /** Throws a 400 naming {@code password} when it breaks the policy. */
  public void check(String password) {
    // Characters as JSON Schema counts them (code points), so the contract and this agree.
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      throw Failures.invalid("password", "must be at least " + MIN_LENGTH + " characters");
    }
    if (length > MAX_LENGTH) {
      throw Failures.invalid("password", "must be at most " + MAX_LENGTH + " characters");
    }
    if (isCommon(password)) {
      throw Failures.invalid("password", "is too common: it is on a list of the passwords most often used and leaked;"
          + " choose another");
    }
  }

  public boolean isCommon(String password) {
    return common.contains(password.toLowerCase(Locale.ROOT));
  }

  static synchronized Set<String> shippedList() {
    if (shipped == null) {
      shipped = Set.copyOf(read(COMMON_PASSWORDS));
    }
    return shipped;
  }

  private static Set<String> read(String resource) {
    try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the common password list " + resource + " is missing");
      }
      Set<String> passwords = new HashSet<>();
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          passwords.add(line.toLowerCase(Locale.ROOT));
        }
      }
      return passwords;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
