package com.runningtrainer.strava.webhook;

import com.runningtrainer.common.breaker.Breakers;
import com.runningtrainer.strava.StravaSettings;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's one push subscription at Strava ({@code /push_subscriptions}, client id and
 * secret as parameters): ensured to call {@code STRAVA_WEBHOOK_CALLBACK_URL}, made when there is
 * none, replaced when it calls another URL. Strava allows one subscription per application and
 * checks a new one by calling the callback's GET before it answers, so the service must already
 * answer there: a try that fails is made again a few times, the wait doubling, then given up with
 * a warning. Calls go through the breaker {@code strava-subscriptions}, bounded by
 * {@code STRAVA_TIMEOUT_MS} (the creation by twice that: Strava's check happens inside it).
 */
public final class PushSubscriptions {

  static final int TRIES = 5;
  private static final long FIRST_WAIT_MS = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(PushSubscriptions.class);

  private final Vertx vertx;
  private final StravaSettings strava;
  private final WebhookSettings webhook;
  private final WebClient client;
  private final CircuitBreaker breaker;
  private long timer = -1;
  private boolean stopped;

  public PushSubscriptions(Vertx vertx, StravaSettings strava, WebhookSettings webhook) {
    this.vertx = vertx;
    this.strava = strava;
    this.webhook = webhook;
    this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int) strava.timeoutMs()));
    this.breaker = Breakers.shared(vertx, "strava-subscriptions", new CircuitBreakerOptions()
        .setTimeout(2 * strava.timeoutMs()).setMaxFailures(TRIES).setResetTimeout(30_000));
  }

  /** Ensures the subscription in the background, when a callback URL is set and Strava configured; never fails. */
  public void ensureSoon() {
    if (webhook.callbackUrl() == null) {
      return;
    }
    if (!strava.configured() || webhook.verifyToken() == null) {
      LOG.warn("STRAVA_WEBHOOK_CALLBACK_URL is set, but without STRAVA_CLIENT_ID, STRAVA_CLIENT_SECRET and "
          + "STRAVA_WEBHOOK_VERIFY_TOKEN no push subscription can be made");
      return;
    }
    attempt(1, FIRST_WAIT_MS);
  }

  public void stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    client.close();
  }

  private void attempt(int attempt, long waitMs) {
    timer = vertx.setTimer(waitMs, fired -> ensure().onComplete(done -> {
      if (done.succeeded() || stopped) {
        return;
      }
      if (attempt >= TRIES) {
        LOG.warn("no Strava push subscription after {} tries; webhook events will not arrive: {}", attempt,
            done.cause().toString());
        return;
      }
      LOG.info("the Strava push subscription is tried again in {} ms: {}", 2 * waitMs, done.cause().toString());
      attempt(attempt + 1, 2 * waitMs);
    }));
  }

  /** Ensures the subscription now, once; its id. */
  public Future<Long> ensure() {
    return call(() -> withCredentials(client.getAbs(strava.apiUrl() + "/push_subscriptions")).send())
        .compose(response -> {
          List<JsonObject> existing = response.bodyAsJsonArray().stream()
              .filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
          for (JsonObject subscription : existing) {
            if (webhook.callbackUrl().equals(subscription.getString("callback_url"))) {
              LOG.info("the Strava push subscription {} calls {}", subscription.getLong("id"), webhook.callbackUrl());
              return Future.succeededFuture(subscription.getLong("id"));
            }
          }
          // Strava holds one per application: another URL's (an earlier deployment's) goes first.
          Future<Void> cleared = Future.succeededFuture();
          for (JsonObject subscription : existing) {
            cleared = cleared.compose(done -> delete(subscription.getLong("id")));
          }
          return cleared.compose(done -> create());
        });
  }

  private Future<Void> delete(long id) {
    LOG.info("the Strava push subscription {} calls another URL: replaced", id);
    return call(() -> withCredentials(client.deleteAbs(strava.apiUrl() + "/push_subscriptions/" + id)).send()).mapEmpty();
  }

  private Future<Long> create() {
    MultiMap form = MultiMap.caseInsensitiveMultiMap()
        .add("client_id", strava.clientId()).add("client_secret", strava.clientSecret())
        .add("callback_url", webhook.callbackUrl()).add("verify_token", webhook.verifyToken());
    return call(() -> client.postAbs(strava.apiUrl() + "/push_subscriptions").sendForm(form)).map(response -> {
      long id = response.bodyAsJsonObject().getLong("id");
      LOG.info("the Strava push subscription {} made for {}", id, webhook.callbackUrl());
      return id;
    });
  }

  private HttpRequest<Buffer> withCredentials(HttpRequest<Buffer> request) {
    return request.addQueryParam("client_id", strava.clientId()).addQueryParam("client_secret", strava.clientSecret());
  }

  private Future<HttpResponse<Buffer>> call(Supplier<Future<HttpResponse<Buffer>>> request) {
    return breaker.execute(() -> request.get().compose(response -> response.statusCode() / 100 == 2
        ? Future.succeededFuture(response)
        : Future.failedFuture(new IllegalStateException("Strava answered " + response.statusCode() + ": "
            + abbreviated(response.bodyAsString())))));
  }

  private static String abbreviated(String body) {
    return body == null ? "" : body.substring(0, Math.min(body.length(), 300));
  }
}
