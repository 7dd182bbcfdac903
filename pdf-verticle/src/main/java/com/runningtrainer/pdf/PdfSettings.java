package com.runningtrainer.pdf;

import com.runningtrainer.common.config.Config;
import java.time.Duration;

/**
 * What the pdf service reads from the environment, by the names docs/configuration.md lists.
 *
 * @param concurrency {@code PDF_CONCURRENCY}: PDFs rendered at once per process (default: the cores)
 * @param retentionDays {@code PDF_RETENTION_DAYS}: how long a PDF is kept (30)
 * @param maxAttempts {@code PDF_MAX_ATTEMPTS}: tries before a job fails (5)
 * @param retryDelay {@code PDF_RETRY_DELAY_MS}: the wait before the second try, doubled for each further one (2 s)
 * @param lease {@code PDF_LEASE_SECONDS}: how long a try holds a job before another node may take it (120)
 * @param poll {@code PDF_POLL_MS}: how often a worker looks for due jobs besides being woken (1 s)
 * @param sweep {@code PDF_RETENTION_SWEEP_MS}: how often expired PDFs are removed (60 s)
 * @param callTimeoutMs {@code PDF_CALL_TIMEOUT_MS}: the timeout of a call to the trainer or auth (5 s)
 */
public record PdfSettings(int concurrency, int retentionDays, int maxAttempts, Duration retryDelay, Duration lease,
    Duration poll, Duration sweep, long callTimeoutMs) {

  public static PdfSettings from(Config config) {
    return new PdfSettings(
        Math.max(1, config.integer("PDF_CONCURRENCY", Runtime.getRuntime().availableProcessors())),
        Math.max(1, config.integer("PDF_RETENTION_DAYS", 30)),
        Math.max(1, config.integer("PDF_MAX_ATTEMPTS", 5)),
        Duration.ofMillis(Math.max(1, config.integer("PDF_RETRY_DELAY_MS", 2_000))),
        Duration.ofSeconds(Math.max(1, config.integer("PDF_LEASE_SECONDS", 120))),
        Duration.ofMillis(Math.max(10, config.integer("PDF_POLL_MS", 1_000))),
        Duration.ofMillis(Math.max(10, config.integer("PDF_RETENTION_SWEEP_MS", 60_000))),
        Math.max(100, config.integer("PDF_CALL_TIMEOUT_MS", 5_000)));
  }

  /** The wait before try {@code attempt + 1}: the retry delay doubled per try, at most an hour. */
  public Duration backoff(int attempt) {
    long millis = retryDelay.toMillis() << Math.min(20, Math.max(0, attempt - 1));
    return Duration.ofMillis(Math.min(millis, Duration.ofHours(1).toMillis()));
  }
}
