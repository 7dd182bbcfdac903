package com.runningtrainer.pdf;

import com.runningtrainer.common.auth.Revocations;
import com.runningtrainer.common.config.Config;
import com.runningtrainer.common.service.ServiceDescriptor;
import com.runningtrainer.common.service.Served;
import com.runningtrainer.common.service.ServiceVerticle;
import com.runningtrainer.pdf.branding.BrandingRepository;
import com.runningtrainer.pdf.branding.Brandings;
import com.runningtrainer.pdf.job.PdfJobRepository;
import com.runningtrainer.pdf.neighbour.Contacts;
import com.runningtrainer.pdf.neighbour.Trainer;
import com.runningtrainer.pdf.storage.PdfStorage;
import com.runningtrainer.pdf.storage.PdfStorages;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/**
 * The pdf service on 8002: PDF jobs, their files and the users' branding. One instance per event
 * loop serves its contract (the download and the logo upload over HTTP only); its
 * {@link PdfBackground} renders and removes PDFs, once per process.
 */
public final class PdfVerticle extends ServiceVerticle {

  public static final String NAME = "pdf";
  public static final int DEFAULT_PORT = 8002;

  /** How the launcher and the tests run the pdf service. */
  public static final ServiceDescriptor DESCRIPTOR =
      ServiceDescriptor.withBackground(NAME, DEFAULT_PORT, PdfVerticle::new, PdfBackground::new);

  private PdfStorage storage;

  public PdfVerticle(Config config) {
    super(NAME, DEFAULT_PORT, config);
  }

  @Override
  protected Future<Served> build(Pool pool, Revocations revocations) {
    PdfSettings pdf = PdfSettings.from(config);
    return PdfStorages.create(vertx, config).map(created -> {
      storage = created;
      PdfService service = new PdfServiceImpl(vertx, new PdfJobRepository(pool), new Brandings(new BrandingRepository(pool)),
          new Trainer(vertx, pdf.callTimeoutMs()), new Contacts(vertx, pdf.callTimeoutMs()), storage, pdf.retentionDays());
      return Served.usingAuthJwks(new PdfApi(service).operations());
    });
  }

  @Override
  protected Future<?> release() {
    return storage == null ? Future.succeededFuture() : storage.close();
  }
}
