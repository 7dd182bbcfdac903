package com.runningtrainer.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a new password must be: 10 to 128 characters, and not a common one. */
class PasswordPolicyTest {

  private static final PasswordPolicy POLICY = new PasswordPolicy(PasswordPolicy.shippedList());

  @Test
  void theShippedListHoldsThousandsOfCommonPasswordsOfTenCharactersOrMore() {
    Set<String> common = PasswordPolicy.shippedList();

    assertThat(common).hasSizeGreaterThanOrEqualTo(5_000);
    assertThat(common).allMatch(password -> password.length() >= 10 && password.length() <= 128);
    assertThat(common).contains("qwertyuiop", "1234567890", "password123");
  }

  @Test
  void theShippedListIsReadOncePerJvm() {
    assertThat(PasswordPolicy.shippedList()).isSameAs(PasswordPolicy.shippedList());
  }

  @Test
  void aCommonPasswordIsRefusedWhateverItsCase() {
    assertThat(refusal("password123")).contains("too common");
    assertThat(refusal("PASSWORD123")).contains("too common");
    assertThat(refusal("QwErTyUiOp")).contains("too common");
  }

  @Test
  void aPasswordOfNineCharactersIsRefused() {
    assertThat(refusal("x7#kq2!mz")).contains("at least 10 characters");
  }

  @Test
  void passwordsOfTenAnd128CharactersAreAccepted() {
    assertThatCode(() -> POLICY.check("x7#kq2!mzp")).doesNotThrowAnyException();
    assertThatCode(() -> POLICY.check("x7#kq2!mzp".repeat(12) + "x7#kq2!m")).doesNotThrowAnyException();
  }

  @Test
  void aPasswordOf129CharactersIsRefused() {
    assertThat(refusal("x7#kq2!mzp".repeat(12) + "x7#kq2!mz")).contains("at most 128 characters");
  }

  @Test
  void lengthCountsCharactersNotUtf16Units() {
    // Nine runners are nine characters but eighteen UTF-16 units.
    assertThat(refusal("\uD83C\uDFC3".repeat(9))).contains("at least 10 characters");
    assertThatCode(() -> POLICY.check("\uD83C\uDFC3".repeat(10))).doesNotThrowAnyException();
  }

  @Test
  void aRefusalNamesThePasswordFieldAndNeverEchoesIt() {
    ServiceException refused = catchThrowableOfType(ServiceException.class, () -> POLICY.check("iloveyou12"));

    assertThat(refused.failureCode()).isEqualTo(400);
    JsonObject error = refused.getDebugInfo().getJsonArray("errors").getJsonObject(0);
    assertThat(error.getString("field")).isEqualTo("password");
    assertThat(refused.getMessage()).doesNotContain("iloveyou12");
    assertThat(error.encode()).doesNotContain("iloveyou12");
  }

  private static String refusal(String password) {
    ServiceException refused = catchThrowableOfType(ServiceException.class, () -> POLICY.check(password));
    assertThat(refused).as("refusal of a password of %d characters", password.length()).isNotNull();
    assertThat(refused.failureCode()).isEqualTo(400);
    return refused.getMessage();
  }
}
