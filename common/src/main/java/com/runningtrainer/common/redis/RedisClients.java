package com.runningtrainer.common.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.util.List;

/** The Redis client of a service: one pooled client, created once in {@code start()}. */
public final class RedisClients {

  private RedisClients() {
  }

  public static RedisAPI create(Vertx vertx, String url) {
    Redis redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(url).setMaxPoolSize(8).setMaxPoolWaiting(1024));
    return RedisAPI.api(redis);
  }

  public static Future<?> ping(RedisAPI redis) {
    return redis.ping(List.of());
  }
}
