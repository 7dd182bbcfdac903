package com.runningtrainer.auth;

import com.runningtrainer.auth.admin.Administration;
import com.runningtrainer.auth.api.AuthDirectory;
import com.runningtrainer.auth.coaching.CoachInvitations;
import com.runningtrainer.auth.password.PasswordPolicy;
import com.runningtrainer.auth.oauth.Accounts;
import com.runningtrainer.auth.oauth.IdentityRepository;
import com.runningtrainer.auth.oauth.LoginAttempts;
import com.runningtrainer.auth.oauth.OAuthLogins;
import com.runningtrainer.auth.oauth.OAuthSettings;
import com.runningtrainer.auth.oauth.Providers;
import com.runningtrainer.auth.email.EmailChange;
import com.runningtrainer.auth.email.EmailChangeRepository;
import com.runningtrainer.auth.email.EmailTokenRepository;
import com.runningtrainer.auth.email.EmailVerification;
import com.runningtrainer.auth.email.Letters;
import com.runningtrainer.auth.email.PasswordReset;
import com.runningtrainer.auth.password.CurrentPassword;
import com.runningtrainer.auth.password.PasswordChange;
import com.runningtrainer.auth.email.TakenEmailNotice;
import com.runningtrainer.auth.email.TokenMails;
import com.runningtrainer.auth.password.Passwords;
import com.runningtrainer.auth.revocation.RevocationRepository;
import com.runningtrainer.auth.session.SessionRepository;
import com.runningtrainer.auth.session.Sessions;
import com.runningtrainer.auth.throttle.AuthLimits;
import com.runningtrainer.auth.throttle.AuthThrottle;
import com.runningtrainer.auth.token.KeySeal;
import com.runningtrainer.auth.token.SigningKeyRepository;
import com.runningtrainer.auth.token.TokenIssuer;
import com.runningtrainer.auth.user.UserRepository;
import com.runningtrainer.common.auth.Revocations;
import com.runningtrainer.auth.session.BrowserSessions;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.mail.MailSettings;
import com.runningtrainer.common.mail.Mailer;
import com.runningtrainer.common.ratelimit.RateLimiter;
import com.runningtrainer.common.service.Served;
import com.runningtrainer.common.service.ServiceDescriptor;
import com.runningtrainer.common.service.ServiceVerticle;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.List;

/**
 * The auth service on 8004: accounts, sessions, Argon2id passwords, logins with Google and
 * Strava, RS256 access tokens and their JWKS, and the mails that verify an address or reset a
 * password.
 */
public final class AuthVerticle extends ServiceVerticle {

  public static final String NAME = "auth";
  public static final int DEFAULT_PORT = 8004;

  /**
   * How the launcher and the tests run auth: its API verticles (each reloads the signing keys
   * itself) and {@link AuthBackground}, which keeps the revocation list in Redis whole.
   */
  public static final ServiceDescriptor DESCRIPTOR =
      ServiceDescriptor.withBackground(NAME, DEFAULT_PORT, AuthVerticle::new, AuthBackground::new);

  private Passwords passwords;
  private OAuthLogins oauth;
  private Mailer mailer;

  public AuthVerticle(Config config) {
    super(NAME, DEFAULT_PORT, config);
  }

  @Override
  protected Future<Served> build(Pool pool, Revocations revocations) {
    var limiter = new RateLimiter(redis(), settings.redisPrefix(), Duration.ofMillis(settings.rateLimitTimeoutMs()));
    var throttle = new AuthThrottle(limiter, AuthLimits.from(config));
    int concurrency = config.integer("ARGON2_CONCURRENCY", Runtime.getRuntime().availableProcessors());
    passwords = Passwords.create(vertx, concurrency);
    return Future.all(signingKeys(pool).compose(keys ->
                TokenIssuer.load(vertx, keys, settings.jwtIssuer(), settings.jwtAudience(), config.integer("KEY_RELOAD_SECONDS", 30))),
            PasswordPolicy.load(vertx))
        .map(ready -> {
          TokenIssuer tokens = ready.resultAt(0);
          UserRepository users = new UserRepository(pool);
          Sessions sessions = new Sessions(new SessionRepository(pool), users, tokens, revocations,
              new RevocationRepository(pool));
          MailSettings mail = MailSettings.from(config);
          mailer = Mailer.create(vertx, mail);
          EmailTokenRepository emailTokens = new EmailTokenRepository(pool);
          Letters letters = Letters.create(mail, config);
          TokenMails tokenMails = new TokenMails(emailTokens, letters, mailer);
          EmailVerification verification = new EmailVerification(users, emailTokens, tokenMails,
              config.bool("EMAIL_VERIFICATION_REQUIRED", false));
          CurrentPassword proof = new CurrentPassword(users, passwords, throttle);
          PasswordReset reset = new PasswordReset(users, emailTokens, tokenMails, passwords, ready.resultAt(1), sessions);
          oauth = new OAuthLogins(Providers.create(vertx, OAuthSettings.from(config)),
              new LoginAttempts(redis(), settings.redisPrefix()), new Accounts(new IdentityRepository(pool), users), sessions);
          AuthService service = new AuthServiceImpl(new AuthServiceImpl.Parts(users, passwords, tokens, sessions,
              new Administration(users, sessions, revocations, vertx.eventBus()), ready.resultAt(1), throttle, oauth, verification, reset,
              new TakenEmailNotice(letters, mailer), new CoachInvitations(users, letters, mailer),
              new PasswordChange(users, proof, passwords, ready.resultAt(1), sessions),
              new EmailChange(users, new EmailChangeRepository(pool), proof, throttle, letters, mailer)));
          bindService(AuthDirectory.ADDRESS, AuthDirectory.class, service);
          // Auth verifies its own tokens with its own keys: no HTTP round trip to itself.
          var browsers = BrowserSessions.from(config, Letters.DEFAULT_PUBLIC_BASE_URL);
          return new Served(new AuthApi(service, browsers).operations(), service::jwks, List.of());
        });
  }

  /** The signing keys, sealed with the secret ({@link AuthBackground} sealed any stored in clear). */
  private Future<SigningKeyRepository> signingKeys(Pool pool) {
    return vertx.executeBlocking(() -> new SigningKeyRepository(vertx, pool, KeySeal.from(config)));
  }

  @Override
  protected Future<?> release() {
    if (oauth != null) {
      oauth.close();
    }
    return Future.join(passwords == null ? Future.succeededFuture() : passwords.close(),
        mailer == null ? Future.succeededFuture() : mailer.close());
  }
}
