package com.runningtrainer.strava.webhook;

import com.runningtrainer.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;

/**
 * All SQL of the webhook's events. They belong to no user until the worker finds the athlete's
 * connection; what a worker does is fenced by the try it holds, so that a worker whose lease ran
 * out (its node paused or died) and was taken over cannot end the event a second time.
 */
public final class WebhookEventRepository {

  // Strava retries a delivery it thinks lost: the second copy changes nothing.
  private static final String INSERT = "INSERT INTO webhook_events (object_type, object_id, aspect_type, event_time, "
      + "owner_id, updates, subscription_id) VALUES ($1, $2, $3, $4, $5, $6, $7) "
      + "ON CONFLICT (object_type, object_id, aspect_type, event_time) DO NOTHING";

  // A due event, or one whose lease ran out, in the order received (next_attempt_at starts as the
  // time received): taken by one worker of one node, the others skip it; never while another
  // event of the same object is being worked, so that the create and the update of one activity
  // do not race.
  private static final String TAKE = "UPDATE webhook_events SET status = 'working', attempts = attempts + 1, "
      + "working_until = now() + make_interval(secs => $1) WHERE id = (SELECT e.id FROM webhook_events e "
      + "WHERE ((e.status = 'pending' AND e.next_attempt_at <= now()) OR (e.status = 'working' AND e.working_until < now())) "
      + "AND NOT EXISTS (SELECT 1 FROM webhook_events o WHERE o.object_type = e.object_type "
      + "AND o.object_id = e.object_id AND o.status = 'working' AND o.working_until >= now()) "
      + "ORDER BY e.next_attempt_at, e.id LIMIT 1 FOR UPDATE SKIP LOCKED) "
      + "RETURNING id, object_type, object_id, aspect_type, owner_id, updates, attempts";

  private static final String END = "UPDATE webhook_events SET status = $3, working_until = NULL, processed_at = now(), "
      + "last_error = $4 WHERE id = $1 AND attempts = $2 AND status = 'working'";

  private static final String RETRY = "UPDATE webhook_events SET status = 'pending', working_until = NULL, last_error = $3, "
      + "next_attempt_at = now() + make_interval(secs => $4) WHERE id = $1 AND attempts = $2 AND status = 'working'";

  // Strava's rate limit being spent is a pause: the try is given back.
  private static final String PAUSE = "UPDATE webhook_events SET status = 'pending', working_until = NULL, "
      + "attempts = attempts - 1, next_attempt_at = now() + make_interval(secs => $3) "
      + "WHERE id = $1 AND attempts = $2 AND status = 'working'";

  // Nothing Strava sent is kept longer than needed: a worked event long enough to recognise
  // Strava's retries of it, one given up long enough for an operator to read why.
  private static final String FORGET = "DELETE FROM webhook_events WHERE (status IN ('processed', 'ignored') "
      + "AND received_at < now() - interval '2 days') OR (status = 'failed' AND received_at < now() - interval '30 days')";

  private final Pool pool;

  public WebhookEventRepository(Pool pool) {
    this.pool = pool;
  }

  /** Stores an event as Strava sent it (validated by the contract); whether it is new. */
  public Future<Boolean> insert(JsonObject event) {
    JsonObject updates = event.getJsonObject("updates", new JsonObject());
    return pool.preparedQuery(INSERT).execute(Tuple.of(event.getString("object_type"), event.getLong("object_id"),
            event.getString("aspect_type"), event.getLong("event_time"), event.getLong("owner_id"), updates,
            event.getLong("subscription_id")))
        .map(rows -> rows.rowCount() > 0);
  }

  /** An event to work, taken for {@code lease}; null when none is due. */
  public Future<WebhookEvent> take(Duration lease) {
    return pool.preparedQuery(TAKE).execute(Tuple.of(lease.toMillis() / 1000.0)).map(rows -> Rows.first(rows, WebhookEvent::of));
  }

  /** Worked: {@code processed}. */
  public Future<Boolean> processed(WebhookEvent event) {
    return end(event, "processed", null);
  }

  /** Nothing to do: the athlete is nobody's here. */
  public Future<Boolean> ignored(WebhookEvent event) {
    return end(event, "ignored", null);
  }

  /** Given up, kept with why. */
  public Future<Boolean> failed(WebhookEvent event, String error) {
    return end(event, "failed", error);
  }

  /** Tried again after {@code after}; whether this try still held the event. */
  public Future<Boolean> retry(WebhookEvent event, String error, Duration after) {
    return pool.preparedQuery(RETRY).execute(Tuple.of(event.id(), event.attempt(), error, after.toMillis() / 1000.0))
        .map(rows -> rows.rowCount() > 0);
  }

  /** Taken again after {@code after}, the try not counted; whether this try still held the event. */
  public Future<Boolean> pause(WebhookEvent event, Duration after) {
    return pool.preparedQuery(PAUSE).execute(Tuple.of(event.id(), event.attempt(), after.toMillis() / 1000.0))
        .map(rows -> rows.rowCount() > 0);
  }

  /** Deletes the events ended long enough ago; how many. */
  public Future<Integer> forget() {
    return pool.query(FORGET).execute().map(rows -> rows.rowCount());
  }

  private Future<Boolean> end(WebhookEvent event, String status, String error) {
    return pool.preparedQuery(END).execute(Tuple.of(event.id(), event.attempt(), status, error))
        .map(rows -> rows.rowCount() > 0);
  }
}
