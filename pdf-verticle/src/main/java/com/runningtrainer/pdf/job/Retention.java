package com.runningtrainer.pdf.job;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.runningtrainer.pdf.storage.PdfStorage;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes expired PDFs ({@code PDF_RETENTION_DAYS} after they were made): the file first, then
 * the row, so that no file is left without a row to find it by. Until removed, an expired PDF
 * answers 410. Idempotent: two nodes sweeping at once remove each PDF once.
 */
public final class Retention {

  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
  private static final int BATCH = 100;

  private final PdfJobRepository jobs;
  private final PdfStorage storage;
  private boolean sweeping;

  public Retention(PdfJobRepository jobs, PdfStorage storage) {
    this.jobs = jobs;
    this.storage = storage;
  }

  /** Removes what has expired, a batch at a time; how many were removed. */
  public Future<Integer> sweep() {
    if (sweeping) {
      return Future.succeededFuture(0);
    }
    sweeping = true;
    return sweep(0).andThen(done -> sweeping = false)
        .onFailure(failure -> LOG.warn("expired PDFs not all removed: {}", failure.toString()));
  }

  private Future<Integer> sweep(int removedSoFar) {
    return jobs.expired(BATCH).compose(expired -> {
      Future<Void> all = Future.succeededFuture();
      for (PdfJobRepository.Expired pdf : expired) {
        all = all.compose(previous -> (pdf.storageKey() == null ? Future.<Void>succeededFuture() : storage.delete(pdf.storageKey()))
            .compose(fileGone -> jobs.removeExpired(pdf.id()))
            .onSuccess(removed -> LOG.info("expired PDF removed {}", kv("pdf_id", pdf.id()))));
      }
      int removed = removedSoFar + expired.size();
      return all.compose(done -> expired.size() < BATCH ? Future.succeededFuture(removed) : sweep(removed));
    });
  }
}
