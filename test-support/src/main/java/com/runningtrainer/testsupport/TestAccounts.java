package com.runningtrainer.testsupport;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.UUID;

/** New users, registered and logged in over HTTP at auth, as a client makes them. */
public final class TestAccounts {

  public static final String PASSWORD = "correct horse battery";

  private final TestHttp auth;

  /** A user who can act: their account id, email and bearer token. */
  public record Account(String id, String email, String token) {
  }

  /** @param auth a client of the auth service (its own port, not the gateway's) */
  public TestAccounts(TestHttp auth) {
    this.auth = auth;
  }

  /** An email no other test uses. */
  public static String newEmail() {
    return "runner-" + UUID.randomUUID() + "@example.com";
  }

  public static JsonObject credentials(String email, String password) {
    return new JsonObject().put("email", email).put("password", password);
  }

  /** Registers a new user with {@link #PASSWORD} and logs them in. */
  public Account newAccount() {
    String email = newEmail();
    register(email);
    String token = logIn(email);
    return new Account(auth.get("/api/v1/auth/me", token).bodyAsJsonObject().getString("id"), email, token);
  }

  /** Registers the email with {@link #PASSWORD}; fails unless auth accepts it. */
  public void register(String email) {
    expect(auth.post("/api/v1/auth/register", null, credentials(email, PASSWORD)), 202, "register " + email);
  }

  /** Logs a registered user in with {@link #PASSWORD}; their bearer token. */
  public String logIn(String email) {
    HttpResponse<Buffer> loggedIn = auth.post("/api/v1/auth/login", null, credentials(email, PASSWORD));
    expect(loggedIn, 200, "log " + email + " in");
    return loggedIn.bodyAsJsonObject().getString("access_token");
  }

  private static void expect(HttpResponse<Buffer> response, int status, String what) {
    if (response.statusCode() != status) {
      throw new IllegalStateException("cannot " + what + ": " + response.statusCode() + " " + response.bodyAsString());
    }
  }
}
