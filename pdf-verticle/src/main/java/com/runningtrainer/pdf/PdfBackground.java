package com.runningtrainer.pdf;

import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.mail.MailSettings;
import com.runningtrainer.common.mail.Mailer;
import com.runningtrainer.common.service.BackgroundVerticle;
import com.runningtrainer.pdf.branding.BrandingRepository;
import com.runningtrainer.pdf.job.JobWorker;
import com.runningtrainer.pdf.job.PdfJobRepository;
import com.runningtrainer.pdf.job.Retention;
import com.runningtrainer.pdf.neighbour.Contacts;
import com.runningtrainer.pdf.neighbour.Trainer;
import com.runningtrainer.pdf.render.PdfBoxPlanRenderer;
import com.runningtrainer.pdf.render.PlanRenderer;
import com.runningtrainer.pdf.storage.PdfStorage;
import com.runningtrainer.pdf.storage.PdfStorages;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/**
 * What the pdf service does once per process: render the queued PDFs (a worker that polls on a
 * short timer and is woken at once when a job is queued, {@link PdfEvents#QUEUED}), and remove
 * the expired ones. Jobs live in the database, so they survive a restart; a job whose node died
 * while rendering is taken again once its lease has run out.
 */
public final class PdfBackground extends BackgroundVerticle {

  private static final long WARM_UP_DELAY_MS = 5_000;

  private final PdfSettings pdf;
  private final PlanRenderer renderer;
  private JobWorker worker;
  private Mailer mailer;
  private PdfStorage storage;
  private long pollTimer = -1;
  private long sweepTimer = -1;
  private long warmUpTimer = -1;

  public PdfBackground(Config config) {
    this(config, new PdfBoxPlanRenderer());
  }

  /** @param renderer what draws the PDFs (the tests watch what it is given) */
  public PdfBackground(Config config, PlanRenderer renderer) {
    super(PdfVerticle.NAME, config);
    this.pdf = PdfSettings.from(config);
    this.renderer = renderer;
  }

  @Override
  protected Future<?> begin(Pool pool) {
    return PdfStorages.create(vertx, config).onSuccess(created -> {
      storage = created;
      work(pool);
    });
  }

  private void work(Pool pool) {
    PdfJobRepository jobs = new PdfJobRepository(pool);
    MailSettings mail = MailSettings.from(config);
    mailer = Mailer.create(vertx, mail);
    worker = new JobWorker(vertx, jobs, new BrandingRepository(pool), new Trainer(vertx, pdf.callTimeoutMs()),
        new Contacts(vertx, pdf.callTimeoutMs()), storage, renderer, mailer, mail.from(), pdf);
    Retention retention = new Retention(jobs, storage);
    consume(PdfEvents.QUEUED, queued -> worker.pump());
    pollTimer = vertx.setPeriodic(pdf.poll().toMillis(), timer -> worker.pump());
    sweepTimer = vertx.setPeriodic(0, pdf.sweep().toMillis(), timer -> retention.sweep());
    // Not during the start, which it would slow by taking a core for the fonts: a few seconds later.
    warmUpTimer = vertx.setTimer(WARM_UP_DELAY_MS, timer -> worker.warmUp());
    worker.pump();
  }

  @Override
  protected Future<?> release() {
    vertx.cancelTimer(pollTimer);
    vertx.cancelTimer(sweepTimer);
    vertx.cancelTimer(warmUpTimer);
    Future<Void> stopped = worker == null ? Future.succeededFuture() : worker.stop();
    return stopped.eventually(() -> Future.join(mailer == null ? Future.succeededFuture() : mailer.close(),
        storage == null ? Future.succeededFuture() : storage.close()));
  }
}
