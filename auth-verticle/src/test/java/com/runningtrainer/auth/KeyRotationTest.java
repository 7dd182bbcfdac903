package com.runningtrainer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.auth.token.KeyRotation;
import com.runningtrainer.testsupport.TestAccounts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A rotation, as a running service sees it: the new key is published first, signs once every
 * instance had time to publish it, and the old key stays published for the tokens it signed.
 */
class KeyRotationTest {

  private static AuthPlatform platform;

  @BeforeAll
  static void start() {
    platform = AuthPlatform.start(KeyRotationTest.class, Map.of("KEY_RELOAD_SECONDS", "1"));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void aNewKeyIsPublishedThenSignsWhileTokensOfTheOldOneStayValid() throws InterruptedException {
    String email = TestAccounts.newEmail();
    platform.newUser(email);
    String before = platform.tokenOf(email);
    String oldKid = Jwt.decode(before).header().getString("kid");

    String newKid = KeyRotation.rotate(platform.vertx, platform.config()).await();

    assertThat(eventually(() -> kids().contains(newKid))).as("the new key is published").isTrue();
    assertThat(eventually(() -> Jwt.decode(platform.tokenOf(email)).header().getString("kid").equals(newKid)))
        .as("the new key signs").isTrue();
    assertThat(kids()).contains(oldKid, newKid);
    assertThat(platform.me(before).statusCode()).isEqualTo(200);
  }

  private static JsonArray kids() {
    JsonArray kids = new JsonArray();
    platform.http.get("/api/v1/auth/jwks.json", null).bodyAsJsonObject().getJsonArray("keys")
        .forEach(key -> kids.add(((JsonObject) key).getString("kid")));
    return kids;
  }

  private static boolean eventually(Supplier<Boolean> condition) throws InterruptedException {
    for (int attempt = 0; attempt < 40; attempt++) {
      if (condition.get()) {
        return true;
      }
      Thread.sleep(250);
    }
    return false;
  }
}
