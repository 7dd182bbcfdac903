package com.runningtrainer.common.auth;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.redis.RedisClients;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The revocation list of a process, held in memory and kept current by a push: a token is
 * checked without a network round trip. One per process and Redis prefix, shared by every
 * verticle that checks tokens, on an event loop of its own.
 *
 * <p>It subscribes to the list's channel, then takes a snapshot of the whole list (an atomic
 * script, which also reads the list's sequence number), then applies what the channel tells.
 * Every change carries the next number of the sequence: a number skipped, or a sequence in Redis
 * that is not the one applied (checked every second), means something was missed, and a new
 * snapshot is taken; so is one when auth tells it has written the whole list anew. Until the
 * feed is subscribed and has caught up — and whenever Redis cannot be reached or the list in
 * Redis is not whole (see {@link Revocations}) — every check fails with 503: a revoked token must
 * never pass for lack of an answer.
 */
public final class RevocationFeed {

  private static final Logger LOG = LoggerFactory.getLogger(RevocationFeed.class);
  private static final String FEEDS = "running-trainer.revocation-feeds";
  private static final String NOT_READY = "The revocation list is being rebuilt; try again shortly";
  static final long PROBE_MS = 1000;
  private static final long PRUNE_MS = 60_000;
  private static final long WAIT_FOR_APPLIED_MS = 1000;

  // The whole list and its sequence number at one instant, or nil when it is not whole.
  private static final String SNAPSHOT = """
      if redis.call('EXISTS', KEYS[1]) == 0 then return false end
      local out = { tonumber(redis.call('GET', KEYS[2]) or '0') }
      local cursor = '0'
      repeat
        local page = redis.call('SCAN', cursor, 'MATCH', ARGV[1], 'COUNT', 1000)
        cursor = page[1]
        for _, key in ipairs(page[2]) do
          local ttl = redis.call('TTL', key)
          if ttl > 0 then
            table.insert(out, key)
            table.insert(out, redis.call('GET', key))
            table.insert(out, ttl)
          end
        end
      until cursor == '0'
      return out""";

  private final Vertx vertx;
  private final RevocationKeys keys;
  private final Redis subscriber;
  private final RedisAPI redis;
  private final RevokedTokens revoked = new RevokedTokens();
  private final List<Waiting> waiting = new ArrayList<>();
  private final CompletableFuture<Void> firstAttempt = new CompletableFuture<>();
  private volatile boolean ready;
  private volatile boolean closing;
  private volatile long applied = -1;
  private RedisConnection subscription;
  private boolean working;
  private boolean again;

  private RevocationFeed(Vertx vertx, String redisUrl, RevocationKeys keys) {
    this.vertx = vertx;
    this.keys = keys;
    this.subscriber = Redis.createClient(vertx, new RedisOptions().setConnectionString(redisUrl));
    this.redis = RedisClients.create(vertx, redisUrl);
  }

  /**
   * The feed of this process for the list under {@code prefix}, started the first time it is
   * asked for. The future completes once its first attempt to catch up is over, caught up or not.
   */
  public static Future<RevocationFeed> shared(Vertx vertx, String redisUrl, String prefix) {
    LocalMap<String, Held> feeds = vertx.sharedData().getLocalMap(FEEDS);
    Held fresh = new Held(new CompletableFuture<>());
    Held held = feeds.putIfAbsent(prefix, fresh);
    if (held == null) {
      held = fresh;
      start(vertx, redisUrl, new RevocationKeys(prefix), held.feed());
    }
    Context caller = vertx.getOrCreateContext();
    return Future.fromCompletionStage(held.feed().thenCompose(feed -> feed.firstAttempt.thenApply(done -> feed)), caller);
  }

  /**
   * Waits until every feed of this process has applied the change of this sequence number, or
   * cannot answer (it then refuses every token), or a second has passed.
   */
  static Future<Void> appliedHere(Vertx vertx, RevocationKeys keys, long sequence) {
    RevocationFeed feed = here(vertx, keys);
    return feed == null ? Future.succeededFuture() : feed.applied(sequence, false);
  }

  /**
   * Waits until every feed of this process is current with the change of this sequence number
   * (the list written anew), or a second has passed.
   */
  static Future<Void> currentHere(Vertx vertx, RevocationKeys keys, long sequence) {
    RevocationFeed feed = here(vertx, keys);
    return feed == null ? Future.succeededFuture() : feed.applied(sequence, true);
  }

  /** The feed of this process for the list under these keys, when one has started. */
  private static RevocationFeed here(Vertx vertx, RevocationKeys keys) {
    LocalMap<String, Held> feeds = vertx.sharedData().getLocalMap(FEEDS);
    Held held = feeds.get(keys.prefix());
    return held == null ? null : held.feed().getNow(null);
  }

  /** Whether the token with these claims ({@code iat} given apart) is revoked; 503 while the feed is behind. */
  public Future<Boolean> isRevoked(JsonObject claims, long issuedAt) {
    if (!ready) {
      return Future.failedFuture(Failures.unavailable(NOT_READY, 1));
    }
    return Future.succeededFuture(revoked.covers(claims, issuedAt));
  }

  /** Whether the feed has caught up and hears the channel. */
  public boolean isReady() {
    return ready;
  }

  private static void start(Vertx vertx, String redisUrl, RevocationKeys keys, CompletableFuture<RevocationFeed> made) {
    // Its own event loop, not the one of the verticle that first asked: the feed outlives it.
    Context own = ((VertxInternal) vertx).createEventLoopContext();
    own.runOnContext(ignored -> {
      RevocationFeed feed = new RevocationFeed(vertx, redisUrl, keys);
      // A connection that ends because the process stops is no outage to warn about.
      ((VertxInternal) vertx).addCloseHook(completion -> {
        feed.closing = true;
        completion.succeed();
      });
      vertx.setPeriodic(PROBE_MS, tick -> feed.step());
      vertx.setPeriodic(PRUNE_MS, tick -> feed.revoked.dropExpired(System.currentTimeMillis() / 1000));
      made.complete(feed);
      feed.step().onComplete(done -> feed.firstAttempt.complete(null));
    });
  }

  private Future<Void> step() {
    if (working) {
      // What the step under way has read may be older than what made this one: one more follows it.
      again = true;
      return Future.succeededFuture();
    }
    working = true;
    again = false;
    Future<Void> done = subscription == null ? subscribe().compose(subscribed -> load()) : probe();
    return done.recover(this::behind).andThen(finished -> {
      working = false;
      if (again) {
        step();
      }
    });
  }

  private Future<Void> subscribe() {
    return subscriber.connect().compose(connection -> {
      connection.handler(this::told);
      connection.exceptionHandler(failure -> lost(connection));
      connection.endHandler(ended -> lost(connection));
      return connection.send(Request.cmd(Command.SUBSCRIBE).arg(keys.channel()))
          .onSuccess(subscribed -> subscription = connection)
          .onFailure(failure -> connection.close())
          .mapEmpty();
    });
  }

  /** Takes the whole list; the feed is caught up when the list in Redis is whole. */
  private Future<Void> load() {
    return redis.eval(List.of(SNAPSHOT, "2", keys.loaded(), keys.sequence(), keys.pattern())).compose(snapshot -> {
      if (snapshot == null) {
        return Future.failedFuture("the revocation list in Redis is not whole yet");
      }
      long now = System.currentTimeMillis() / 1000;
      for (int i = 1; i + 2 < snapshot.size(); i += 3) {
        Revocation entry = keys.entry(snapshot.get(i).toString(), snapshot.get(i + 1).toString(),
            snapshot.get(i + 2).toLong(), now);
        if (entry != null) {
          revoked.add(entry);
        }
      }
      applied = snapshot.get(0).toLong();
      becomeReady();
      return Future.succeededFuture();
    });
  }

  /** A new snapshot when Redis's sequence is not the one applied: a change was missed, or Redis started again. */
  private Future<Void> probe() {
    return redis.get(keys.sequence()).compose(sequence -> {
      long current = sequence == null ? 0 : sequence.toLong();
      return ready && current == applied ? Future.succeededFuture() : load();
    });
  }

  private void told(Response push) {
    if (push.size() < 3 || !"message".equals(push.get(0).toString())) {
      return;
    }
    RevocationKeys.Told told;
    try {
      told = RevocationKeys.Told.parse(push.get(2).toString());
    } catch (RuntimeException e) {
      // Not a message of ours: whatever it meant, a snapshot says what the list holds.
      step();
      return;
    }
    if (told.isRestore()) {
      step();
      return;
    }
    revoked.add(told.revocation());
    if (told.sequence() == applied + 1) {
      applied = told.sequence();
      release();
    } else if (told.sequence() > applied) {
      step();
    }
  }

  private void lost(RedisConnection connection) {
    if (subscription == connection) {
      subscription = null;
      behind(new IllegalStateException("the subscription to the revocation channel was lost"));
    }
  }

  private Future<Void> behind(Throwable why) {
    if (ready && !closing) {
      LOG.warn("revocation list not current, refusing every token until it is: {}", why.getMessage());
    }
    ready = false;
    release();
    return Future.succeededFuture();
  }

  private void becomeReady() {
    if (!ready) {
      LOG.info("revocation list current: {} entries, change {}", revoked.size(), applied);
    }
    ready = true;
    release();
  }

  /** @param current whether to wait for the feed to be current too, not only to refuse every token */
  private Future<Void> applied(long sequence, boolean current) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    synchronized (waiting) {
      waiting.add(new Waiting(sequence, current, done));
    }
    release();
    Context caller = vertx.getOrCreateContext();
    return Future.fromCompletionStage(done.completeOnTimeout(null, WAIT_FOR_APPLIED_MS, TimeUnit.MILLISECONDS), caller);
  }

  /**
   * Lets go whoever waits for a change now applied, or, unless they wait for the feed to be
   * current, for a feed that refuses every token.
   */
  private void release() {
    synchronized (waiting) {
      for (Iterator<Waiting> it = waiting.iterator(); it.hasNext(); ) {
        Waiting one = it.next();
        if (ready ? applied >= one.sequence() : !one.current()) {
          one.done().complete(null);
          it.remove();
        }
      }
    }
  }

  private record Waiting(long sequence, boolean current, CompletableFuture<Void> done) {
  }

  /** Lets the feed live in a local map, which takes only shareable values. */
  private record Held(CompletableFuture<RevocationFeed> feed) implements Shareable {
  }
}
