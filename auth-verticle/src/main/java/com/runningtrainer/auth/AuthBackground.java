package com.runningtrainer.auth;

import com.runningtrainer.auth.revocation.RevocationRepository;
import com.runningtrainer.auth.token.KeySeal;
import com.runningtrainer.auth.token.SigningKeyRepository;
import com.runningtrainer.common.auth.Revocations;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.redis.RedisClients;
import com.runningtrainer.common.service.BackgroundVerticle;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Auth's work once per process: at start, before the API verticles, sealing any signing key still
 * stored in clear; then keeping the revocation list in Redis whole. Redis may restart
 * empty (it keeps nothing on disk here); every service then refuses tokens with 503 until the
 * list is back, so this checks its marker every {@link #CHECK_INTERVAL_MS} and, when it is
 * gone, writes back every unexpired revocation kept in PostgreSQL. In a cluster each auth node
 * does so: a second restore writes the same entries again.
 */
public final class AuthBackground extends BackgroundVerticle {

  static final long CHECK_INTERVAL_MS = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(AuthBackground.class);

  private RedisAPI redis;
  private Revocations revocations;
  private RevocationRepository kept;
  private long timer = -1;
  private boolean checking;
  private boolean warned;

  public AuthBackground(Config config) {
    super(AuthVerticle.NAME, config);
  }

  @Override
  protected Future<?> begin(Pool pool) {
    redis = RedisClients.create(vertx, settings.redisUrl());
    revocations = new Revocations(vertx, redis, settings.redisPrefix());
    kept = new RevocationRepository(pool);
    return sealClearKeys(pool).compose(sealed -> startKeepingRevocations());
  }

  private Future<Integer> sealClearKeys(Pool pool) {
    return vertx.executeBlocking(() -> new SigningKeyRepository(vertx, pool, KeySeal.from(config)))
        .compose(SigningKeyRepository::sealClearKeys);
  }

  private Future<Void> startKeepingRevocations() {
    // The first check before the API verticles start, so that they rarely meet an unloaded list;
    // a Redis out of reach now must not stop auth from starting (logins need only PostgreSQL).
    return restoreIfLost().onComplete(done -> timer = vertx.setPeriodic(CHECK_INTERVAL_MS, tick -> restoreIfLost()));
  }

  /** Restores the list in Redis when its marker is gone; a failure is retried at the next tick. */
  Future<Void> restoreIfLost() {
    if (checking) {
      return Future.succeededFuture();
    }
    checking = true;
    return revocations.isLoaded()
        .compose(loaded -> loaded ? Future.<Void>succeededFuture() : restore())
        .onSuccess(done -> warned = false)
        .recover(failure -> {
          if (!warned) {
            LOG.warn("cannot check or restore the revocation list in Redis, retrying every {} ms: {}",
                CHECK_INTERVAL_MS, String.valueOf(failure));
            warned = true;
          }
          return Future.succeededFuture();
        })
        .andThen(done -> checking = false);
  }

  private Future<Void> restore() {
    return kept.dropExpired()
        .compose(dropped -> kept.unexpired())
        .compose(unexpired -> revocations.restore(unexpired)
            .onSuccess(done -> LOG.info("restored the revocation list in Redis: {} entries", unexpired.size())));
  }

  @Override
  protected Future<?> release() {
    vertx.cancelTimer(timer);
    if (redis != null) {
      redis.close();
    }
    return Future.succeededFuture();
  }
}
