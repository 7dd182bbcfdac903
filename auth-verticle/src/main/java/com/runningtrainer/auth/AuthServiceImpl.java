package com.runningtrainer.auth;

import com.runningtrainer.auth.password.PasswordPolicy;
import com.runningtrainer.auth.password.Passwords;
import com.runningtrainer.auth.throttle.AuthThrottle;
import com.runningtrainer.auth.token.TokenIssuer;
import com.runningtrainer.auth.user.Credentials;
import com.runningtrainer.auth.user.UserRepository;
import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Futures;
import com.runningtrainer.common.api.Inputs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;

/** Registration, login and the caller's account. */
public final class AuthServiceImpl implements AuthService {

  private static final String UNIQUE_VIOLATION = "23505";

  private final UserRepository users;
  private final Passwords passwords;
  private final TokenIssuer tokens;
  private final PasswordPolicy policy;
  private final AuthThrottle throttle;

  public AuthServiceImpl(UserRepository users, Passwords passwords, TokenIssuer tokens, PasswordPolicy policy,
      AuthThrottle throttle) {
    this.users = users;
    this.passwords = passwords;
    this.tokens = tokens;
    this.policy = policy;
    this.throttle = throttle;
  }

  @Override
  public Future<JsonObject> register(JsonObject registration, String clientIp) {
    return Futures.attempt(() -> Credentials.from(registration))
        .compose(given -> throttle.register(given.email(), clientIp).map(given))
        .map(given -> {
          policy.check(given.password());
          return given;
        })
        .compose(given -> passwords.hash(given.password())
            .compose(hash -> users.insert(given.email(), hash, registration.getString("display_name"))))
        .recover(failure -> Future.failedFuture(isDuplicate(failure)
            ? Failures.conflict("an account with this email already exists")
            : failure));
  }

  @Override
  public Future<JsonObject> login(JsonObject credentials, String clientIp) {
    return Futures.attempt(() -> Credentials.from(credentials)).compose(given -> throttle.login(given.email(), clientIp)
        .compose(admitted -> authenticate(given))
        .compose(token -> throttle.loginSucceeded(given.email(), clientIp).map(token)));
  }

  private Future<JsonObject> authenticate(Credentials given) {
    return users.findCredentials(given.email())
        .compose(user -> passwords.verify(given.password(), user == null ? null : user.getString("password_hash"))
            .map(matches -> {
              if (!matches) {
                throw Failures.unauthorized("wrong email or password");
              }
              return new JsonObject()
                  .put("access_token", tokens.issue(user))
                  .put("token_type", "Bearer")
                  .put("expires_in", TokenIssuer.LIFETIME_SECONDS);
            }));
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
