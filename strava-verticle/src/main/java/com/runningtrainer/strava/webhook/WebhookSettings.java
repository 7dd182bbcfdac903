package com.runningtrainer.strava.webhook;

import com.runningtrainer.common.config.Config;
import java.time.Duration;

/**
 * What the webhook reads from the environment, by the names docs/configuration.md lists.
 *
 * @param verifyToken {@code STRAVA_WEBHOOK_VERIFY_TOKEN}: what Strava's subscription check must carry; null
 *     refuses every check
 * @param callbackUrl {@code STRAVA_WEBHOOK_CALLBACK_URL}: the public URL of {@code /api/v1/strava/webhook}; when
 *     set, the service ensures its push subscription at start
 * @param concurrency {@code STRAVA_WEBHOOK_CONCURRENCY}: events worked at once per process (4)
 * @param maxAttempts {@code STRAVA_WEBHOOK_MAX_ATTEMPTS}: tries before an event is given up (8)
 * @param retryDelay {@code STRAVA_WEBHOOK_RETRY_DELAY_MS}: the wait before the second try, doubled for each
 *     further one (5 s)
 * @param lease {@code STRAVA_WEBHOOK_LEASE_SECONDS}: how long a try holds an event before another node may take
 *     it (120)
 * @param poll {@code STRAVA_WEBHOOK_POLL_MS}: how often the worker looks for due events besides being woken (1 s)
 */
public record WebhookSettings(String verifyToken, String callbackUrl, int concurrency, int maxAttempts,
    Duration retryDelay, Duration lease, Duration poll) {

  public static WebhookSettings from(Config config) {
    return new WebhookSettings(
        config.find("STRAVA_WEBHOOK_VERIFY_TOKEN").filter(token -> !token.isBlank()).orElse(null),
        config.find("STRAVA_WEBHOOK_CALLBACK_URL").filter(url -> !url.isBlank()).orElse(null),
        Math.max(1, config.integer("STRAVA_WEBHOOK_CONCURRENCY", 4)),
        Math.max(1, config.integer("STRAVA_WEBHOOK_MAX_ATTEMPTS", 8)),
        Duration.ofMillis(Math.max(1, config.integer("STRAVA_WEBHOOK_RETRY_DELAY_MS", 5_000))),
        Duration.ofSeconds(Math.max(1, config.integer("STRAVA_WEBHOOK_LEASE_SECONDS", 120))),
        Duration.ofMillis(Math.max(10, config.integer("STRAVA_WEBHOOK_POLL_MS", 1_000))));
  }

  /** The wait before try {@code attempt + 1}: the retry delay doubled per try, at most an hour. */
  public Duration backoff(int attempt) {
    long millis = retryDelay.toMillis() << Math.min(20, Math.max(0, attempt - 1));
    return Duration.ofMillis(Math.min(millis, Duration.ofHours(1).toMillis()));
  }
}
