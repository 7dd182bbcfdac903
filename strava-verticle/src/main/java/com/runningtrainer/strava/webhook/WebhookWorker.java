package com.runningtrainer.strava.webhook;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.runningtrainer.strava.api.BudgetSpent;
import com.runningtrainer.strava.connect.ConnectionRepository;
import com.runningtrainer.strava.imports.ActivityImporter;
import com.runningtrainer.strava.oauth.StravaAnswer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.serviceproxy.ServiceException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the stored webhook events, one process's share of them: takes a due event (or one whose
 * lease ran out) with {@code FOR UPDATE SKIP LOCKED}, finds whose athlete it names
 * ({@code connections.athlete_id}; nobody's: ignored), and acts on what Strava confirms: an
 * activity created, updated or deleted is fetched and imported (removed with its run when
 * Strava no longer has it), an athlete's deauthorization purges what Strava brought and forgets
 * the connection once Strava refuses its tokens (else it is ignored), and another athlete update
 * refreshes the connection's profile ({@link AthleteAtStrava}). A trainer or Strava that is away is
 * tried again later, the wait doubling, up to {@code STRAVA_WEBHOOK_MAX_ATTEMPTS}, then the
 * event is kept as failed with its last error; an answer that will not change (the connection
 * needs reconnecting, Strava refuses the scope) fails it at once; Strava's rate limit spent is a
 * pause that costs no try. Runs on the background verticle's event loop: its counters need no
 * lock.
 */
public final class WebhookWorker {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);

  private final Vertx vertx;
  private final WebhookEventRepository events;
  private final ConnectionRepository connections;
  private final ActivityImporter importer;
  private final AthleteAtStrava athletes;
  private final WebhookSettings settings;
  private int inFlight;
  private boolean taking;
  private boolean stopped;

  public WebhookWorker(Vertx vertx, WebhookEventRepository events, ConnectionRepository connections,
      ActivityImporter importer, AthleteAtStrava athletes, WebhookSettings settings) {
    this.vertx = vertx;
    this.events = events;
    this.connections = connections;
    this.importer = importer;
    this.athletes = athletes;
    this.settings = settings;
  }

  /** Takes due events while fewer than {@code STRAVA_WEBHOOK_CONCURRENCY} are in hand. */
  public void pump() {
    if (stopped || taking || inFlight >= settings.concurrency()) {
      return;
    }
    taking = true;
    events.take(settings.lease()).onComplete(taken -> {
      taking = false;
      if (taken.failed()) {
        LOG.warn("no webhook event taken: {}", taken.cause().toString());
        return;
      }
      WebhookEvent event = taken.result();
      if (event == null) {
        return;
      }
      inFlight++;
      process(event).onComplete(done -> {
        inFlight--;
        pump();
      });
      pump();
    });
  }

  /** Takes no more events; those in hand finish (or their lease runs out, for another node). */
  public void stop() {
    stopped = true;
  }

  Future<Void> process(WebhookEvent event) {
    return connections.ownerOf(event.athleteId())
        .compose(owner -> owner == null ? Future.succeededFuture(false) : act(event, owner))
        .compose(acted -> acted ? events.processed(event) : events.ignored(event))
        .<Void>mapEmpty()
        .recover(failure -> failed(event, failure));
  }

  /**
   * Acts on what the event says, once Strava confirms it (Strava signs no event: anybody may post
   * one); whether it did.
   */
  private Future<Boolean> act(WebhookEvent event, UUID owner) {
    if (WebhookEvent.ACTIVITY.equals(event.objectType())) {
      // A delete too is fetched: the activity and its run are removed only when Strava no longer
      // has it (404), else refreshed, so that a forged delete takes no run away.
      return importer.fetchAndImport(owner, event.objectId()).map(true);
    }
    return athletes.profile(owner).compose(profile -> {
      if (profile != null) {
        if (event.deauthorization()) {
          LOG.warn("a deauthorization Strava does not confirm was ignored {}", kv("event", event.toString()));
          return Future.succeededFuture(false);
        }
        return connections.refreshProfile(owner, profile).map(true);
      }
      if (!event.deauthorization()) {
        // Strava refuses the tokens: there is no profile to read, and only a deauthorization purges.
        return Future.succeededFuture(true);
      }
      // Its tokens are worthless, and Strava's terms want what it brought gone. Purged first:
      // should that fail, the connection is still there to find the owner by on the next try.
      return importer.purge(owner).compose(purged -> connections.delete(owner)).map(true);
    });
  }

  private Future<Void> failed(WebhookEvent event, Throwable failure) {
    if (failure instanceof BudgetSpent spent) {
      Duration until = Duration.between(Instant.now(), spent.until());
      Duration wait = until.isNegative() ? Duration.ZERO : until;
      LOG.info("webhook event paused until {}: Strava's rate limit is spent {}", spent.until(), kv("event", event.toString()));
      return events.pause(event, wait).compose(held -> wakeAfter(held, wait));
    }
    String error = describe(failure);
    if (permanent(failure) || event.attempt() >= settings.maxAttempts()) {
      LOG.warn("webhook event given up {} {}: {}", kv("event", event.toString()), kv("attempt", event.attempt()), error);
      return events.failed(event, error).mapEmpty();
    }
    Duration wait = settings.backoff(event.attempt());
    LOG.info("webhook event tried again in {} ms {} {}: {}", wait.toMillis(), kv("event", event.toString()),
        kv("attempt", event.attempt()), error);
    return events.retry(event, error, wait).compose(held -> wakeAfter(held, wait));
  }

  private Future<Void> wakeAfter(boolean held, Duration wait) {
    if (held) {
      vertx.setTimer(wait.toMillis() + 1, timer -> pump());
    }
    return Future.succeededFuture();
  }

  /** What went wrong, for whoever reads the event later: a service's or Strava's answer, or the failure's kind. */
  private static String describe(Throwable failure) {
    String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return message.substring(0, Math.min(message.length(), 1_000));
  }

  /** An answer that trying again will not change: a deliberate 4xx of ours, the trainer's or Strava's. */
  private static boolean permanent(Throwable failure) {
    int status = failure instanceof ServiceException e ? e.failureCode()
        : failure instanceof StravaAnswer answer ? answer.status() : 500;
    return status >= 400 && status < 500 && status != 408 && status != 429;
  }
}
