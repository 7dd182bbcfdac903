package com.runningtrainer.auth;

import com.runningtrainer.auth.password.PasswordPolicy;
import com.runningtrainer.auth.password.Passwords;
import com.runningtrainer.auth.throttle.AuthLimits;
import com.runningtrainer.auth.throttle.AuthThrottle;
import com.runningtrainer.auth.token.SigningKeyRepository;
import com.runningtrainer.auth.token.TokenIssuer;
import com.runningtrainer.auth.user.UserRepository;
import com.runningtrainer.common.auth.JwksTokenVerifier;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.http.HealthCheck;
import com.runningtrainer.common.ratelimit.RateLimiter;
import com.runningtrainer.common.redis.RedisClients;
import com.runningtrainer.common.service.Served;
import com.runningtrainer.common.service.ServiceVerticle;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.serviceproxy.ServiceBinder;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.List;

/** The auth service on 8004: accounts, Argon2id passwords, RS256 access tokens and their JWKS. */
public final class AuthVerticle extends ServiceVerticle {

  public static final String NAME = "auth";
  public static final String SERVICE_ADDRESS = "auth.service";
  public static final int DEFAULT_PORT = 8004;

  private RedisAPI redis;
  private Passwords passwords;

  public AuthVerticle(Config config) {
    super(NAME, DEFAULT_PORT, config);
  }

  @Override
  protected Future<Served> build(Pool pool) {
    redis = RedisClients.create(vertx, settings.redisUrl());
    var limiter = new RateLimiter(redis, settings.rateLimitPrefix(), Duration.ofMillis(settings.rateLimitTimeoutMs()));
    var throttle = new AuthThrottle(limiter, AuthLimits.from(config));
    int concurrency = config.integer("ARGON2_CONCURRENCY", Runtime.getRuntime().availableProcessors());
    return Future.all(Passwords.create(vertx, concurrency),
            TokenIssuer.load(vertx, new SigningKeyRepository(pool), settings.jwtIssuer(), settings.jwtAudience()),
            PasswordPolicy.load(vertx))
        .map(ready -> {
          passwords = ready.resultAt(0);
          AuthService service = new AuthServiceImpl(new UserRepository(pool), passwords, ready.resultAt(1),
              ready.resultAt(2), throttle);
          new ServiceBinder(vertx).setAddress(SERVICE_ADDRESS).register(AuthService.class, service);
          // Auth verifies its own tokens with its own keys: no HTTP round trip to itself.
          var tokens = new JwksTokenVerifier(vertx, service::jwks, settings.jwtIssuer(), settings.jwtAudience());
          return new Served(new AuthApi(service).operations(), tokens,
              List.of(new HealthCheck("redis", () -> RedisClients.ping(redis))));
        });
  }

  @Override
  protected Future<?> release() {
    if (redis != null) {
      redis.close();
    }
    return passwords == null ? Future.succeededFuture() : passwords.close();
  }
}
