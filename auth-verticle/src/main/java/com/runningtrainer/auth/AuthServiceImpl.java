package com.runningtrainer.auth;

import com.runningtrainer.auth.admin.Administration;
import com.runningtrainer.auth.coaching.CoachInvitations;
import com.runningtrainer.auth.password.PasswordChange;
import com.runningtrainer.auth.password.PasswordPolicy;
import com.runningtrainer.auth.oauth.OAuthLanding;
import com.runningtrainer.auth.oauth.OAuthLogins;
import com.runningtrainer.auth.email.EmailChange;
import com.runningtrainer.auth.email.EmailVerification;
import com.runningtrainer.auth.email.PasswordReset;
import com.runningtrainer.auth.email.TakenEmailNotice;
import com.runningtrainer.auth.password.Passwords;
import com.runningtrainer.auth.session.Sessions;
import com.runningtrainer.auth.throttle.AuthThrottle;
import com.runningtrainer.auth.token.TokenIssuer;
import com.runningtrainer.auth.user.Credentials;
import com.runningtrainer.auth.user.UserRepository;
import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Futures;
import com.runningtrainer.common.api.Inputs;
import com.runningtrainer.common.api.Page;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/** Registration, logins with a password or an OAuth2 provider, sessions, the email flows and the caller's account. */
public final class AuthServiceImpl implements AuthService {

  private final UserRepository users;
  private final Passwords passwords;
  private final TokenIssuer tokens;
  private final Sessions sessions;
  private final Administration administration;
  private final PasswordPolicy policy;
  private final AuthThrottle throttle;
  private final OAuthLogins oauth;
  private final EmailVerification verification;
  private final PasswordReset reset;
  private final TakenEmailNotice takenEmail;
  private final CoachInvitations coaching;
  private final PasswordChange passwordChange;
  private final EmailChange emailChange;

  /** The parts of the service, each with one job. */
  public record Parts(UserRepository users, Passwords passwords, TokenIssuer tokens, Sessions sessions,
      Administration administration, PasswordPolicy policy, AuthThrottle throttle, OAuthLogins oauth,
      EmailVerification verification, PasswordReset reset, TakenEmailNotice takenEmail,
      CoachInvitations coaching, PasswordChange passwordChange, EmailChange emailChange) {
  }

  public AuthServiceImpl(Parts parts) {
    this.users = parts.users();
    this.passwords = parts.passwords();
    this.tokens = parts.tokens();
    this.sessions = parts.sessions();
    this.administration = parts.administration();
    this.policy = parts.policy();
    this.throttle = parts.throttle();
    this.oauth = parts.oauth();
    this.verification = parts.verification();
    this.reset = parts.reset();
    this.takenEmail = parts.takenEmail();
    this.coaching = parts.coaching();
    this.passwordChange = parts.passwordChange();
    this.emailChange = parts.emailChange();
  }

  @Override
  public Future<JsonObject> register(JsonObject registration, JsonObject client) {
    return Futures.attempt(() -> Credentials.from(registration))
        .compose(given -> throttle.register(given.email(), ip(client)).map(given))
        .map(given -> {
          policy.check(given.password());
          return given;
        })
        // Hashed even when the email turns out taken, so that the answer takes as long either way.
        .compose(given -> passwords.hash(given.password())
            .compose(hash -> users.insertUnlessTaken(given.email(), hash, registration.getString("display_name")))
            .map(created -> {
              if (created == null) {
                takenEmail.send(given.email());
              } else {
                verification.welcome(created);
              }
              return verificationSent(given.email());
            }));
  }

  /** The answer to every registration admitted, whether the email was new or taken. */
  private static JsonObject verificationSent(String email) {
    return new JsonObject()
        .put("email", email)
        .put("status", "verification_sent")
        .put("detail", "Check your mail to confirm your address.");
  }

  @Override
  public Future<JsonObject> login(JsonObject credentials, JsonObject client) {
    String ip = ip(client);
    return Futures.attempt(() -> Credentials.from(credentials)).compose(given -> throttle.login(given.email(), ip)
        .compose(admitted -> authenticate(given, client == null ? new JsonObject() : client))
        .compose(tokens -> throttle.loginSucceeded(given.email(), ip).map(tokens)));
  }

  private Future<JsonObject> authenticate(Credentials given, JsonObject client) {
    return users.findCredentials(given.email())
        .compose(user -> passwords.verify(given.password(), user == null ? null : user.getString("password_hash"))
            .compose(matches -> {
              if (!matches) {
                return Future.failedFuture(Failures.unauthorized("wrong email or password"));
              }
              // Said only to whoever knows the password.
              return user.getBoolean("disabled")
                  ? Future.failedFuture(Failures.forbidden("this account is disabled"))
                  : verification.admit(user).compose(admitted -> sessions.open(admitted, client));
            }));
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
  public Future<Void> requestPasswordReset(JsonObject body, JsonObject client) {
    String email = body.getString("email");
    String key = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    return throttle.passwordReset(key, ip(client)).compose(admitted -> reset.request(email));
  }

  @Override
  public Future<Void> confirmPasswordReset(JsonObject body) {
    return reset.confirm(body.getString("token"), body.getString("password"));
  }

  @Override
  public Future<Void> changePassword(JsonObject principal, JsonObject body, JsonObject client) {
    return Futures.defer(() -> passwordChange.change(principal, body, ip(client)));
  }

  @Override
  public Future<Void> changeEmail(JsonObject principal, JsonObject body, JsonObject client) {
    return Futures.defer(() -> emailChange.request(principal, body, ip(client)));
  }

  @Override
  public Future<Void> confirmEmailChange(JsonObject body) {
    return emailChange.confirm(body.getString("token"));
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
  public Future<JsonObject> listUsers(JsonObject principal, JsonObject query) {
    return Futures.defer(() -> administration.listUsers(principal, query));
  }

  @Override
  public Future<Void> grantRole(JsonObject principal, String userId, String role) {
    return Futures.defer(() -> administration.grantRole(principal, userId, role));
  }

  @Override
  public Future<Void> removeRole(JsonObject principal, String userId, String role) {
    return Futures.defer(() -> administration.removeRole(principal, userId, role));
  }

  @Override
  public Future<Void> disableUser(JsonObject principal, String userId) {
    return Futures.defer(() -> administration.disable(principal, userId));
  }

  @Override
  public Future<Void> enableUser(JsonObject principal, String userId) {
    return Futures.defer(() -> administration.enable(principal, userId));
  }

  @Override
  public Future<String> oauthStart(String provider, boolean browser) {
    return oauth.begin(provider, browser);
  }

  @Override
  public Future<JsonObject> oauthProviders() {
    return Future.succeededFuture(new JsonObject().put("providers", new JsonArray(oauth.providers())));
  }

  @Override
  public Future<OAuthLanding> oauthCallback(String provider, JsonObject callback, JsonObject client) {
    return oauth.finish(provider, callback, client);
  }

  @Override
  public Future<JsonObject> contact(String userId) {
    return Futures.defer(() -> coaching.contact(userId));
  }

  @Override
  public Future<JsonArray> contacts(List<String> userIds) {
    return Futures.defer(() -> coaching.contacts(userIds));
  }

  @Override
  public Future<Void> sendCoachInvitation(String athleteId, String coachEmail, String access) {
    return Futures.defer(() -> coaching.invite(athleteId, coachEmail, access));
  }

  @Override
  public Future<JsonObject> jwks() {
    return Future.succeededFuture(tokens.jwks());
  }

  /** The caller's IP; null when a service calls without one, and only per-account limits apply. */
  private static String ip(JsonObject client) {
    return client == null ? null : client.getString("ip");
  }
}
