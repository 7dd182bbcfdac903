package com.runningtrainer.strava.webhook;

import com.runningtrainer.common.api.ApiHandler;
import com.runningtrainer.common.api.ApiRequest;
import com.runningtrainer.common.api.ApiResponse;
import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Futures;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handlers of Strava's webhook ({@code /strava/webhook}): the subscription check and the
 * events. Strava waits 2 s for an event's 200 and gives up after three tries, so an event is only
 * stored here; the background verticle works it.
 */
public final class WebhookApi {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookApi.class);

  private final Vertx vertx;
  private final WebhookSettings settings;
  private final WebhookEventRepository events;

  public WebhookApi(Vertx vertx, WebhookSettings settings, WebhookEventRepository events) {
    this.vertx = vertx;
    this.settings = settings;
    this.events = events;
  }

  public Map<String, ApiHandler> operations() {
    return Map.of("stravaWebhookCheck", this::check, "stravaWebhookEvent", this::receive);
  }

  private Future<ApiResponse> check(ApiRequest request) {
    return Futures.attempt(() -> {
      if (!verifies(request.query().getString("hub.verify_token"))) {
        LOG.warn("a webhook subscription check carried a verify token that is not this service's");
        throw Failures.forbidden("hub.verify_token is not this service's");
      }
      return ApiResponse.ok(new JsonObject().put("hub.challenge", request.query().getString("hub.challenge")));
    });
  }

  private boolean verifies(String token) {
    // In constant time: how much of a guess was right must not show in how long the answer takes.
    return settings.verifyToken() != null && token != null && MessageDigest.isEqual(
        settings.verifyToken().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }

  private Future<ApiResponse> receive(ApiRequest request) {
    return events.insert(request.bodyAsJson())
        .map(stored -> {
          if (stored) {
            vertx.eventBus().publish(WebhookEvents.RECEIVED, new JsonObject());
          }
          return ApiResponse.ok(new JsonObject().put("received", true));
        })
        // Not stored, not acknowledged: Strava delivers it again.
        .recover(failure -> {
          LOG.warn("a webhook event could not be stored: {}", failure.toString());
          return Future.failedFuture(Failures.unavailable("the event could not be stored; deliver it again", 1));
        });
  }
}
