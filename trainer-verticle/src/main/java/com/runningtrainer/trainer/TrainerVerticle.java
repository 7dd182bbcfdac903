package com.runningtrainer.trainer;

import com.runningtrainer.common.auth.Revocations;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.ratelimit.RateLimiter;
import com.runningtrainer.common.service.ServiceDescriptor;
import com.runningtrainer.common.service.Served;
import com.runningtrainer.common.service.ServiceVerticle;
import com.runningtrainer.trainer.api.DoneWorkouts;
import com.runningtrainer.trainer.api.PlanPrints;
import com.runningtrainer.trainer.api.RunImports;
import com.runningtrainer.trainer.calendar.FeedThrottle;
import com.runningtrainer.trainer.calendar.FeedUrls;
import com.runningtrainer.trainer.share.Identities;
import com.runningtrainer.trainer.share.InvitationThrottle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;

/**
 * The trainer service on 8001: plans, workouts, runs, analytics, and their sharing with coaches.
 * One instance per event loop serves its contract and the proxies other services call; its
 * {@link TrainerBackground} does what happens once per process.
 */
public final class TrainerVerticle extends ServiceVerticle {

  public static final String NAME = "trainer";
  public static final int DEFAULT_PORT = 8001;
  static final int DEFAULT_AUTH_CALL_TIMEOUT_MS = 2_000;

  /** How the launcher and the tests run the trainer. */
  public static final ServiceDescriptor DESCRIPTOR =
      ServiceDescriptor.withBackground(NAME, DEFAULT_PORT, TrainerVerticle::new, TrainerBackground::new);

  public TrainerVerticle(Config config) {
    super(NAME, DEFAULT_PORT, config);
  }

  @Override
  protected Future<Served> build(Pool pool, Revocations revocations) {
    var limiter = new RateLimiter(redis(), settings.redisPrefix(), Duration.ofMillis(settings.rateLimitTimeoutMs()));
    TrainerService service = new TrainerServiceImpl(pool, identities(vertx, config), new InvitationThrottle(limiter, config),
        Clock.systemUTC(), new FeedThrottle(limiter, config), new FeedUrls(config));
    bindService(RunImports.ADDRESS, RunImports.class, service);
    bindService(PlanPrints.ADDRESS, PlanPrints.class, service);
    bindService(DoneWorkouts.ADDRESS, DoneWorkouts.class, service);
    return Future.succeededFuture(Served.usingAuthJwks(new TrainerApi(service).operations()));
  }

  static Identities identities(Vertx vertx, Config config) {
    return new Identities(vertx, config.integer("AUTH_CALL_TIMEOUT_MS", DEFAULT_AUTH_CALL_TIMEOUT_MS));
  }
}
