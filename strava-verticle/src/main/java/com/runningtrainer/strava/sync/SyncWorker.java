package com.runningtrainer.strava.sync;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.runningtrainer.common.api.Problem;
import com.runningtrainer.common.api.ProblemMapper;
import com.runningtrainer.common.events.UserEvents;
import com.runningtrainer.strava.api.BudgetSpent;
import com.runningtrainer.strava.api.RateBudget.Priority;
import com.runningtrainer.strava.api.StravaClient;
import com.runningtrainer.strava.connect.ConnectionRepository;
import com.runningtrainer.strava.connect.StravaTokens;
import com.runningtrainer.strava.imports.ActivityImporter;
import com.runningtrainer.strava.imports.ActivityRepository;
import com.runningtrainer.strava.oauth.StravaAnswer;
import com.runningtrainer.common.tracing.JobTraces;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the sync jobs, one process's share of them, one job at a time: takes a due job (or one
 * whose lease ran out) with {@code FOR UPDATE SKIP LOCKED}, re-syncs the athlete's profile when
 * it starts, then reads {@code GET /athlete/activities} a page of 200 at a time as a backfill
 * call (which stops at its share of Strava's budget), imports every activity of the page and
 * saves the cursor with the counters before the next page, so that a job taken over after a
 * crash resumes at the page it was on (imports are idempotent: no duplicate). A backfill pages
 * back in time ({@code before} the oldest start read); an incremental sync pages forward from
 * the newest activity imported ({@code after}, page by page). A spent budget makes the job wait
 * until the window ends; a trainer or Strava away, for {@code STRAVA_SYNC_RETRY_SECONDS}; a
 * connection gone or refused fails it. Each change is told to the runner ({@code strava.sync}).
 * Runs on the background verticle's event loop: its fields need no lock.
 */
public final class SyncWorker {

  /** The user event of a sync's progress: the job as {@code GET /strava/sync/{id}} shows it, in short. */
  public static final String STATUS_EVENT = "strava.sync";
  private static final Logger LOG = LoggerFactory.getLogger(SyncWorker.class);

  private final Vertx vertx;
  private final SyncJobRepository jobs;
  private final ActivityRepository activities;
  private final ConnectionRepository connections;
  private final StravaTokens tokens;
  private final StravaClient strava;
  private final ActivityImporter importer;
  private final SyncSettings settings;
  private final Clock clock;
  private boolean busy;
  private boolean stopped;

  public SyncWorker(Vertx vertx, SyncJobRepository jobs, ActivityRepository activities, ConnectionRepository connections,
      StravaTokens tokens, StravaClient strava, ActivityImporter importer, SyncSettings settings, Clock clock) {
    this.vertx = vertx;
    this.jobs = jobs;
    this.activities = activities;
    this.connections = connections;
    this.tokens = tokens;
    this.strava = strava;
    this.importer = importer;
    this.settings = settings;
    this.clock = clock;
  }

  /** Takes a due job unless one is in hand; after it, the next. */
  public void pump() {
    if (stopped || busy) {
      return;
    }
    busy = true;
    jobs.take(clock.instant(), settings.lease())
        .compose(job -> job == null ? Future.succeededFuture(false)
            : JobTraces.run(vertx, job.traceparent(), "strava sync", () -> process(job)).map(true))
        .onComplete(done -> {
          busy = false;
          if (done.failed()) {
            LOG.warn("no sync job taken: {}", done.cause().toString());
          } else if (done.result()) {
            pump();
          }
        });
  }

  /** Takes no more jobs and leaves the one in hand after its current page (its lease then runs out, for another node). */
  public void stop() {
    stopped = true;
  }

  Future<Void> process(SyncJob job) {
    publish(job, "running", null);
    return prepare(job).compose(this::page).recover(failure -> failed(job, failure));
  }

  /** At the start: the profile re-synced, and where an incremental sync starts. */
  private Future<SyncJob> prepare(SyncJob job) {
    Future<Void> profile = job.pages() > 0 ? Future.succeededFuture()
        : tokens.accessToken(job.ownerId())
            .compose(token -> strava.athlete(token, Priority.BACKFILL))
            .compose(athlete -> connections.refreshProfile(job.ownerId(), athlete));
    return profile.compose(done -> job.backfill() || job.afterEpoch() != null
        ? Future.succeededFuture(job)
        : activities.newestStart(job.ownerId()).map(newest -> job.startingAfter(newest == null ? 0 : newest.toEpochSecond())));
  }

  private Future<Void> page(SyncJob job) {
    if (stopped) {
      return Future.succeededFuture();
    }
    return tokens.accessToken(job.ownerId())
        .compose(token -> job.backfill()
            ? strava.activities(token, job.beforeEpoch(), null, 1, SyncSettings.PER_PAGE, Priority.BACKFILL)
            : strava.activities(token, null, job.afterEpoch(), job.nextPage(), SyncSettings.PER_PAGE, Priority.BACKFILL))
        .compose(page -> importAll(job, page, 0, new int[2]).map(counts -> next(job, page, counts))
            .compose(next -> jobs.advance(next, settings.lease()).compose(held -> {
              if (!held) {
                LOG.info("sync job no longer held after a page {}", kv("sync_id", job.id()));
                return Future.succeededFuture();
              }
              if (page.size() < SyncSettings.PER_PAGE) {
                return finish(next);
              }
              publish(next, "running", null);
              return page(next);
            })));
  }

  /** Imports the page's activities one after the other; {imported, skipped}. */
  private Future<int[]> importAll(SyncJob job, JsonArray page, int index, int[] counts) {
    if (index >= page.size()) {
      return Future.succeededFuture(counts);
    }
    Object activity = page.getValue(index);
    Future<String> imported = activity instanceof JsonObject json
        ? importer.importActivity(job.ownerId(), json).map(answer -> answer.getString("activity_outcome"))
            .recover(failure -> unreadable(failure) ? Future.succeededFuture("unreadable") : Future.failedFuture(failure))
        : Future.succeededFuture("unreadable");
    return imported.compose(outcome -> {
      counts["unchanged".equals(outcome) || "unreadable".equals(outcome) ? 1 : 0]++;
      return importAll(job, page, index + 1, counts);
    });
  }

  // An activity Strava describes outside what we read (no id, no date) is skipped, not retried forever.
  private static boolean unreadable(Throwable failure) {
    return failure instanceof ServiceException e && e.failureCode() == 400;
  }

  private static SyncJob next(SyncJob job, JsonArray page, int[] counts) {
    if (!job.backfill()) {
      return job.afterPage(job.beforeEpoch(), job.nextPage() + 1, counts[0], counts[1]);
    }
    Long oldest = null;
    for (Object activity : page) {
      if (activity instanceof JsonObject json && json.getValue("start_date") instanceof String start) {
        try {
          long epoch = Instant.parse(start).getEpochSecond();
          oldest = oldest == null || epoch < oldest ? epoch : oldest;
        } catch (java.time.DateTimeException e) {
          // counted as unreadable already; the others place the cursor
        }
      }
    }
    return job.afterPage(nextBefore(job.beforeEpoch(), oldest), 1, counts[0], counts[1]);
  }

  /**
   * Where a backfill's next page starts: Strava's {@code before} leaves that second out, and a page
   * may end amid the activities of one second (two devices recording one run start together), so
   * the next page takes that second again; what it holds twice is unchanged. Only a page all of
   * one second moves past it, or the backfill would read that page for ever.
   */
  static Long nextBefore(Long before, Long oldestOfPage) {
    if (oldestOfPage == null) {
      return before;
    }
    long again = oldestOfPage + 1;
    return before != null && again >= before ? oldestOfPage : again;
  }

  private Future<Void> finish(SyncJob job) {
    return jobs.done(job).compose(held -> {
      if (!held) {
        return Future.succeededFuture();
      }
      // Told after the connection shows the sync, so a client that reads it on the news sees it.
      return connections.markSynced(job.ownerId()).andThen(ignored -> publish(job, "done", null));
    });
  }

  private Future<Void> failed(SyncJob job, Throwable failure) {
    if (failure instanceof BudgetSpent spent) {
      LOG.info("sync job waits for Strava's rate limit {} {}", kv("sync_id", job.id()), kv("until", spent.until()));
      return jobs.waitUntil(job, spent.until(), null).compose(held -> {
        if (held) {
          publish(job, "waiting", spent.until());
        }
        return Future.<Void>succeededFuture();
      });
    }
    Problem problem = ProblemMapper.toProblem(failure, 502);
    if (refused(failure)) {
      LOG.warn("sync job failed {}: {}", kv("sync_id", job.id()), problem.detail());
      return jobs.fail(job, problem.toJson()).compose(held -> {
        if (held) {
          publish(job, "failed", null);
        }
        return Future.<Void>succeededFuture();
      });
    }
    Instant until = clock.instant().plus(settings.retry());
    LOG.info("sync job tried again later {}: {}", kv("sync_id", job.id()), failure.toString());
    return jobs.waitUntil(job, until, problem.toJson()).compose(held -> {
      if (held) {
        publish(job, "waiting", until);
      }
      return Future.<Void>succeededFuture();
    });
  }

  /** No connection (404), one that needs reconnecting (409), or a token Strava refuses: trying again will not help. */
  private static boolean refused(Throwable failure) {
    if (failure instanceof ServiceException e) {
      return e.failureCode() == 404 || e.failureCode() == 409;
    }
    return failure instanceof StravaAnswer answer && (answer.status() == 401 || answer.status() == 403);
  }

  private void publish(SyncJob job, String state, Instant waitingUntil) {
    UserEvents.publish(vertx, job.ownerId().toString(), STATUS_EVENT, new JsonObject()
        .put("sync_id", job.id().toString()).put("kind", job.kind()).put("state", state).put("pages", job.pages())
        .put("imported", job.imported()).put("skipped", job.skipped())
        .put("waiting_until", waitingUntil == null ? null : waitingUntil.toString()));
  }
}
