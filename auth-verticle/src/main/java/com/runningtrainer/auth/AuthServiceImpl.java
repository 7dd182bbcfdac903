package com.runningtrainer.auth;

import com.runningtrainer.auth.email.EmailVerification;
import com.runningtrainer.auth.email.PasswordReset;
import com.runningtrainer.auth.password.Passwords;
import com.runningtrainer.auth.session.Sessions;
import com.runningtrainer.auth.token.TokenIssuer;
import com.runningtrainer.auth.user.Credentials;
import com.runningtrainer.auth.user.UserRepository;
import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Futures;
import com.runningtrainer.common.api.Inputs;
import com.runningtrainer.common.api.Page;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;

/** Registration, login, sessions, the email flows and the caller's account. */
public final class AuthServiceImpl implements AuthService {

  private static final String UNIQUE_VIOLATION = "23505";

  private final UserRepository users;
  private final Passwords passwords;
  private final TokenIssuer tokens;
  private final Sessions sessions;
  private final EmailVerification verification;
  private final PasswordReset reset;

  public AuthServiceImpl(UserRepository users, Passwords passwords, TokenIssuer tokens, Sessions sessions,
      EmailVerification verification, PasswordReset reset) {
    this.users = users;
    this.passwords = passwords;
    this.tokens = tokens;
    this.sessions = sessions;
    this.verification = verification;
    this.reset = reset;
  }

  @Override
  public Future<JsonObject> register(JsonObject registration) {
    return Futures.attempt(() -> Credentials.from(registration))
        .compose(given -> passwords.hash(given.password())
            .compose(hash -> users.insert(given.email(), hash, registration.getString("display_name"))))
        .onSuccess(verification::welcome)
        .recover(failure -> Future.failedFuture(isDuplicate(failure)
            ? Failures.conflict("an account with this email already exists")
            : failure));
  }

  @Override
  public Future<JsonObject> login(JsonObject credentials, JsonObject client) {
    return Futures.attempt(() -> Credentials.from(credentials)).compose(given -> users.findCredentials(given.email())
        .compose(user -> passwords.verify(given.password(), user == null ? null : user.getString("password_hash"))
            .compose(matches -> matches
                ? verification.admit(user).compose(admitted -> sessions.open(admitted, client))
                : Future.failedFuture(Failures.unauthorized("wrong email or password")))));
  }

  @Override
  public Future<JsonObject> refresh(JsonObject body, JsonObject client) {
    String token = body.getString("refresh_token");
    return token == null
        ? Future.failedFuture(Failures.invalid("refresh_token", "is required"))
        : sessions.refresh(token, client);
  }

  @Override
  public Future<Void> logout(JsonObject principal) {
    return Futures.defer(() -> sessions.logout(principal));
  }

  @Override
  public Future<JsonObject> sessions(JsonObject principal, JsonObject query) {
    return Futures.attempt(() -> Page.from(query)).compose(page -> sessions.list(principal, page));
  }

  @Override
  public Future<Void> endSession(JsonObject principal, String sessionId) {
    return Futures.defer(() -> sessions.endOne(principal, sessionId));
  }

  @Override
  public Future<Void> endSessions(JsonObject principal) {
    return Futures.defer(() -> sessions.endAll(principal));
  }

  @Override
  public Future<Void> verifyEmail(JsonObject body) {
    return verification.verify(body.getString("token"));
  }

  @Override
  public Future<Void> resendVerification(String userId) {
    return Futures.attempt(() -> Inputs.caller(userId)).compose(verification::resend);
  }

  @Override
  public Future<Void> requestPasswordReset(JsonObject body) {
    return reset.request(body.getString("email"));
  }

  @Override
  public Future<Void> confirmPasswordReset(JsonObject body) {
    return reset.confirm(body.getString("token"), body.getString("password"));
  }

  @Override
  public Future<JsonObject> me(String userId) {
    return Futures.attempt(() -> Inputs.caller(userId)).compose(users::findById).map(user -> {
      if (user == null) {
        throw Failures.unauthorized("the account no longer exists");
      }
      return user;
    });
  }

  @Override
  public Future<JsonObject> jwks() {
    return Future.succeededFuture(tokens.jwks());
  }

  private static boolean isDuplicate(Throwable failure) {
    return failure instanceof PgException e && UNIQUE_VIOLATION.equals(e.getSqlState());
  }
}
