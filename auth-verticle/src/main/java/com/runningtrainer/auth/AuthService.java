package com.runningtrainer.auth;

import com.runningtrainer.auth.api.AuthDirectory;
import com.runningtrainer.auth.api.AuthEvents;
import com.runningtrainer.auth.oauth.OAuthLanding;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The auth business API, which its operation handlers call; other services reach the part they
 * need through auth-api's {@link AuthDirectory} proxy. Failures are
 * {@link io.vertx.serviceproxy.ServiceException}s whose code is the HTTP status. Bodies and
 * answers are the JSON of {@code openapi/auth.yaml}.
 *
 * <p>Auth also publishes {@code {"user_id": "..."}} on {@link AuthEvents#COACH_LOST} when an admin
 * removes a user's {@code coach} role or disables their account, after the change is committed.
 */
public interface AuthService extends AuthDirectory {

  /**
   * Registers {@code email} with {@code password} and optional {@code display_name}: a new email
   * gets an account and a mail with a link that verifies it; a taken one is left as it is and
   * gets a mail saying that someone tried. Answers {@code email}, {@code status} and
   * {@code detail}, the same either way and after the same Argon2 hash, so that neither the
   * answer nor its timing tells whether the email has an account. Throttled per email and per
   * client IP.
   *
   * @param client {@code ip} and {@code user_agent} of the caller
   */
  Future<JsonObject> register(JsonObject registration, JsonObject client);

  /**
   * Opens a session for matching {@code email} and {@code password}: an access token and a
   * refresh token. The same 401 for any mismatch; throttled per email and per client IP; 403 for
   * a disabled account, or an unverified email when verification is required.
   *
   * @param client {@code ip} and {@code user_agent} of the caller, kept with the session
   */
  Future<JsonObject> login(JsonObject credentials, JsonObject client);

  /** Exchanges a live {@code refresh_token} for new tokens; a reused one ends its session. */
  Future<JsonObject> refresh(JsonObject body, JsonObject client);

  /** Ends the session of the access token whose claims are given, and revokes that token. */
  Future<Void> logout(JsonObject principal);

  /** The caller's active sessions, a page of them. */
  Future<JsonObject> sessions(JsonObject principal, JsonObject query);

  /** Ends one of the caller's sessions. */
  Future<Void> endSession(JsonObject principal, String sessionId);

  /** Ends every session of the caller. */
  Future<Void> endSessions(JsonObject principal);

  /** Marks an email verified with the single-use {@code token} mailed to it. */
  Future<Void> verifyEmail(JsonObject body);

  /** Mails the caller a new verification link; fails with 409 when their email is verified already. */
  Future<Void> resendVerification(String userId);

  /**
   * Mails a password-reset link to {@code email} if it is registered; succeeds the same way
   * whether it is or not. Throttled per email and per client IP.
   *
   * @param client {@code ip} and {@code user_agent} of the caller
   */
  Future<Void> requestPasswordReset(JsonObject body, JsonObject client);

  /**
   * Sets a new {@code password} with the single-use {@code token} of a reset mail, and ends every
   * session of the user.
   */
  Future<Void> confirmPasswordReset(JsonObject body);

  /**
   * Changes the caller's password when {@code current_password} is theirs: {@code password}
   * follows the rules of registration, a wrong current password counts as a failed login, and
   * every other session of the caller ends.
   *
   * @param client {@code ip} and {@code user_agent} of the caller
   */
  Future<Void> changePassword(JsonObject principal, JsonObject body, JsonObject client);

  /**
   * Asks to change the caller's email to {@code email} when {@code current_password} is theirs
   * (a wrong one counts as a failed login): the new address is mailed a link, the old one a
   * notice. Succeeds the same way whether or not another account has the address, whose owner
   * is mailed that someone tried. A new request cancels the links of earlier ones.
   *
   * @param client {@code ip} and {@code user_agent} of the caller
   */
  Future<Void> changeEmail(JsonObject principal, JsonObject body, JsonObject client);

  /**
   * Makes the address of an email-change {@code token} the email of its account, verified; 409
   * when another account has taken the address since. The account's sessions stay open.
   */
  Future<Void> confirmEmailChange(JsonObject body);

  /** The account of a verified user id. */
  Future<JsonObject> me(String userId);

  /** Every account, a page of them; {@code email} in the query narrows them. Admins only. */
  Future<JsonObject> listUsers(JsonObject principal, JsonObject query);

  /** Grants {@code coach} or {@code admin}. Admins only. */
  Future<Void> grantRole(JsonObject principal, String userId, String role);

  /** Removes {@code coach} or {@code admin}; removing {@code coach} is published on {@code auth.coach-lost}. Admins only. */
  Future<Void> removeRole(JsonObject principal, String userId, String role);

  /**
   * Disables an account: no login, no refresh, and its tokens stop working at once; published on
   * {@code auth.coach-lost}. Admins only.
   */
  Future<Void> disableUser(JsonObject principal, String userId);

  /** Enables a disabled account again. Admins only. */
  Future<Void> enableUser(JsonObject principal, String userId);

  /**
   * Begins a login with an OAuth2 provider ({@code google}, {@code strava}): the provider's
   * authorization URL to send the browser to. 404 for a provider unknown or not configured.
   *
   * @param browser whether the web app begins the login: its callback then lands in the app
   */
  Future<String> oauthStart(String provider, boolean browser);

  /** The providers configured for logins, in alphabetical order: {@code {"providers": [...]}}. */
  Future<JsonObject> oauthProviders();

  /**
   * Finishes a login with an OAuth2 provider when the browser comes back: the answer of login
   * for the account linked to the identity the provider vouches for; for a login the web app
   * began, a landing that carries its failure too.
   *
   * @param callback the callback's query: {@code state}, and {@code code} or {@code error}
   * @param client {@code ip} and {@code user_agent} of the caller, kept with the session
   */
  Future<OAuthLanding> oauthCallback(String provider, JsonObject callback, JsonObject client);

  /** The public keys that verify access tokens. */
  Future<JsonObject> jwks();
}
