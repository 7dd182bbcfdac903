package com.runningtrainer.strava.api;

import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.breaker.Breakers;
import com.runningtrainer.strava.StravaSettings;
import com.runningtrainer.strava.api.RateBudget.Priority;
import com.runningtrainer.strava.oauth.StravaAnswer;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.serviceproxy.ServiceException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strava's API v3 at {@code STRAVA_API_URL}, for one athlete's access token at a time, which
 * travels only in the {@code Authorization} header. Every call is first admitted by the
 * {@link RateBudget} (else it fails with {@link BudgetSpent}, nothing sent), then goes through the
 * one breaker {@code strava-api} of the process, bounded by {@code STRAVA_TIMEOUT_MS}; every
 * answer's rate-limit headers are recorded, and a 429 becomes a {@link BudgetSpent}: a pause,
 * never a failure. Strava's other 4xx answers (a deleted activity, a missing scope) fail with
 * {@link StravaAnswer} and do not count as outages; an open breaker fails with a 503.
 */
public final class StravaClient {

  private static final Logger LOG = LoggerFactory.getLogger(StravaClient.class);
  private static final long RESET_MS = 30_000;

  private final StravaSettings settings;
  private final RateBudget budget;
  private final WebClient client;
  private final CircuitBreaker breaker;

  public StravaClient(Vertx vertx, StravaSettings settings, RateBudget budget) {
    this.settings = settings;
    this.budget = budget;
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setConnectTimeout((int) settings.timeoutMs())
        .setIdleTimeout((int) settings.timeoutMs()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
    this.breaker = Breakers.shared(vertx, "strava-api", new CircuitBreakerOptions()
            .setTimeout(settings.timeoutMs()).setMaxFailures(5).setResetTimeout(RESET_MS)
            .setFailuresRollingWindow(60_000))
        .failurePolicy(result -> result.failed() && !(result.cause() instanceof BudgetSpent)
            && !(result.cause() instanceof StravaAnswer answer && answer.status() < 500));
  }

  /** {@code GET /athlete}: the authenticated athlete's profile. */
  public Future<JsonObject> athlete(String accessToken, Priority priority) {
    return send(HttpMethod.GET, "/athlete", accessToken, priority, HttpRequest::send).map(StravaClient::object);
  }

  /**
   * {@code GET /athlete/activities}: a page of the athlete's activity summaries.
   *
   * @param before epoch seconds: only activities that started before; null for none
   * @param after epoch seconds: only activities that started after; null for none
   */
  public Future<JsonArray> activities(String accessToken, Long before, Long after, int page, int perPage,
      Priority priority) {
    StringBuilder uri = new StringBuilder("/athlete/activities?page=").append(page).append("&per_page=").append(perPage);
    if (before != null) {
      uri.append("&before=").append(before);
    }
    if (after != null) {
      uri.append("&after=").append(after);
    }
    return send(HttpMethod.GET, uri.toString(), accessToken, priority, HttpRequest::send).map(response -> {
      JsonArray activities;
      try {
        activities = response.bodyAsJsonArray();
      } catch (DecodeException | ClassCastException e) {
        activities = null;
      }
      if (activities == null) {
        throw new StravaAnswer(response.statusCode(), "an activity list that is not a JSON array");
      }
      return activities;
    });
  }

  /** {@code GET /activities/{id}}: the detailed activity; a {@link StravaAnswer} 404 when Strava has none (or hides it). */
  public Future<JsonObject> activity(String accessToken, long id, Priority priority) {
    return send(HttpMethod.GET, "/activities/" + id, accessToken, priority, HttpRequest::send).map(StravaClient::object);
  }

  /** {@code PUT /activities/{id}} with the fields to change; the activity as updated. */
  public Future<JsonObject> updateActivity(String accessToken, long id, JsonObject changes, Priority priority) {
    return send(HttpMethod.PUT, "/activities/" + id, accessToken, priority, request -> request.sendJsonObject(changes))
        .map(StravaClient::object);
  }

  /** {@code POST /activities}: a manual activity; the activity created. */
  public Future<JsonObject> createActivity(String accessToken, JsonObject activity, Priority priority) {
    return send(HttpMethod.POST, "/activities", accessToken, priority, request -> request.sendJsonObject(activity))
        .map(StravaClient::object);
  }

  public void close() {
    client.close();
  }

  private Future<HttpResponse<Buffer>> send(HttpMethod method, String uri, String accessToken, Priority priority,
      Function<HttpRequest<Buffer>, Future<HttpResponse<Buffer>>> sending) {
    boolean read = method == HttpMethod.GET;
    return budget.reserve(priority, read)
        .compose(admitted -> breaker.<HttpResponse<Buffer>>execute(() -> sending.apply(
                client.requestAbs(method, settings.apiUrl() + uri).putHeader("Authorization", "Bearer " + accessToken)
                    .putHeader("Accept", "application/json"))
            .compose(response -> budget.record(response.headers()).map(response))
            .compose(response -> answered(response, read))))
        .recover(failure -> {
          if (failure instanceof OpenCircuitException) {
            return Future.failedFuture(Failures.unavailable("calls to Strava are paused after repeated failures",
                TimeUnit.MILLISECONDS.toSeconds(RESET_MS)));
          }
          if (!(failure instanceof StravaAnswer) && !(failure instanceof ServiceException)
              && !(failure instanceof BudgetSpent)) {
            LOG.warn("a call to Strava's API failed: {}", failure.toString());
            return Future.failedFuture(new ServiceException(502, "Strava could not be reached or answered outside its protocol"));
          }
          return Future.failedFuture(failure);
        });
  }

  private Future<HttpResponse<Buffer>> answered(HttpResponse<Buffer> response, boolean read) {
    if (response.statusCode() / 100 == 2) {
      return Future.succeededFuture(response);
    }
    if (response.statusCode() == 429) {
      return budget.refused(response.headers(), read).compose(Future::failedFuture);
    }
    return Future.failedFuture(new StravaAnswer(response.statusCode(), response.bodyAsString()));
  }

  private static JsonObject object(HttpResponse<Buffer> response) {
    JsonObject body;
    try {
      body = response.bodyAsJsonObject();
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    if (body == null) {
      throw new StravaAnswer(response.statusCode(), "an answer that is not a JSON object");
    }
    return body;
  }
}
