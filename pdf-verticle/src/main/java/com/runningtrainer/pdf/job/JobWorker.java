package com.runningtrainer.pdf.job;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.runningtrainer.common.api.Problem;
import com.runningtrainer.common.api.ProblemMapper;
import com.runningtrainer.common.mail.Mail;
import com.runningtrainer.common.mail.Mailer;
import com.runningtrainer.common.events.UserEvents;
import com.runningtrainer.common.tracing.JobTraces;
import com.runningtrainer.pdf.PdfEvents;
import com.runningtrainer.pdf.PdfSettings;
import com.runningtrainer.pdf.branding.BrandingRepository;
import com.runningtrainer.pdf.neighbour.Contacts;
import com.runningtrainer.pdf.neighbour.Trainer;
import com.runningtrainer.pdf.render.Branding;
import com.runningtrainer.pdf.render.PlanRenderer;
import com.runningtrainer.pdf.render.PrintOptions;
import com.runningtrainer.pdf.render.PrintablePlan;
import com.runningtrainer.pdf.render.RenderedPdf;
import com.runningtrainer.pdf.storage.PdfStorage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the queued PDFs, one process's share of them: takes a due job (or one whose lease ran
 * out) with {@code FOR UPDATE SKIP LOCKED}, asks the trainer for the plan as the job's owner,
 * renders it on a worker thread of its own pool ({@code PDF_CONCURRENCY}) into a temporary file
 * while computing its SHA-256, stores it, marks it ready, and mails it when asked. A trainer or
 * storage that is away is tried again later, the wait doubling, up to {@code PDF_MAX_ATTEMPTS};
 * an answer that will not change (the plan is gone, no longer shared) fails the job at once.
 * Every change of status is published at {@link PdfEvents#STATUS}. Each try runs in a span
 * ({@code pdf render}) of the trace of the request that queued the job. Runs on the background
 * verticle's event loop: its counters need no lock.
 */
public final class JobWorker {

  private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);

  private final Vertx vertx;
  private final PdfJobRepository jobs;
  private final BrandingRepository brandings;
  private final Trainer trainer;
  private final Contacts contacts;
  private final PdfStorage storage;
  private final PlanRenderer renderer;
  private final Mailer mailer;
  private final String mailFrom;
  private final PdfSettings settings;
  private final WorkerExecutor executor;
  private int inFlight;
  private boolean taking;
  private boolean stopped;

  public JobWorker(Vertx vertx, PdfJobRepository jobs, BrandingRepository brandings, Trainer trainer, Contacts contacts,
      PdfStorage storage, PlanRenderer renderer, Mailer mailer, String mailFrom, PdfSettings settings) {
    this.vertx = vertx;
    this.jobs = jobs;
    this.brandings = brandings;
    this.trainer = trainer;
    this.contacts = contacts;
    this.storage = storage;
    this.renderer = renderer;
    this.mailer = mailer;
    this.mailFrom = mailFrom;
    this.settings = settings;
    this.executor = vertx.createSharedWorkerExecutor("pdf-render", settings.concurrency());
  }

  /**
   * Draws a one-day plan nobody sees, on a render thread: the first rendering in a process loads
   * the fonts and the renderer's classes (seconds on a busy machine), which would otherwise fall
   * on the first user's job.
   */
  public void warmUp() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    PrintablePlan plan = new PrintablePlan("Warm-up", null, today, today, null, null,
        List.of(new PrintablePlan.PlannedWorkout("warm-up", today, "easy_run", "Easy run", null, 5.0, 30.0)), List.of());
    PrintOptions options = new PrintOptions(PrintOptions.Template.WEEKLY, PrintOptions.Paper.A4,
        EnumSet.allOf(PrintOptions.Part.class), today);
    executor.executeBlocking(() -> renderer.render(plan, options, Branding.NONE, OutputStream.nullOutputStream()))
        .onFailure(failure -> LOG.warn("the renderer's warm-up failed: {}", failure.toString()));
  }

  /** Takes due jobs while fewer than {@code PDF_CONCURRENCY} are in hand. */
  public void pump() {
    if (stopped || taking || inFlight >= settings.concurrency()) {
      return;
    }
    taking = true;
    jobs.take(settings.lease()).onComplete(taken -> {
      taking = false;
      if (taken.failed()) {
        LOG.warn("no PDF job taken: {}", taken.cause().toString());
        return;
      }
      Job job = taken.result();
      if (job == null) {
        return;
      }
      inFlight++;
      JobTraces.run(vertx, job.traceparent(), "pdf render", () -> process(job)).onComplete(done -> {
        inFlight--;
        pump();
      });
      pump();
    });
  }

  /** Takes no more jobs; those in hand finish (or their lease runs out, for another node). */
  public Future<Void> stop() {
    stopped = true;
    return executor.close();
  }

  Future<Void> process(Job job) {
    if (job.attempt() > settings.maxAttempts()) {
      // Taken again after its lease ran out as often as it may be tried: a render that never ends.
      return fail(job, Problem.of(500, "Rendering did not finish in " + settings.maxAttempts() + " tries"));
    }
    publish(job.event("rendering"));
    return trainer.printablePlan(job.ownerId().toString(), job.planId().toString(),
            job.athleteId() == null ? null : job.athleteId().toString())
        .compose(printable -> brandings.forPrint(job.ownerId())
            .compose(branding -> render(job, Printables.plan(printable), branding)))
        .compose(rendered -> finish(job, rendered).eventually(() -> vertx.fileSystem().delete(rendered.file().toString())
            .otherwiseEmpty()))
        .recover(failure -> failed(job, failure));
  }

  private record Rendered(Path file, String fileName, int pages, long bytes, String sha256) {
  }

  private Future<Rendered> render(Job job, PrintablePlan plan, Branding branding) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return executor.executeBlocking(() -> {
      Path file = Files.createTempFile("rt-pdf-", ".pdf");
      try {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        RenderedPdf rendered;
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), sha256)) {
          rendered = renderer.render(plan, Printables.options(job, today), branding, out);
        }
        return new Rendered(file, FileNames.of(plan.name()), rendered.pages(), Files.size(file),
            HexFormat.of().formatHex(sha256.digest()));
      } catch (Exception | Error e) {
        Files.deleteIfExists(file);
        throw e;
      }
    }, false);
  }

  private Future<Void> finish(Job job, Rendered rendered) {
    return storage.put(job.storageKey(), rendered.file())
        .compose(stored -> jobs.ready(job, job.storageKey(), rendered.fileName(), rendered.pages(), rendered.bytes(),
            rendered.sha256(), settings.retentionDays()))
        .compose(held -> {
          if (!held) {
            // Deleted meanwhile (its file goes too), or taken over by another node after this try's
            // lease ran out (that try finishes it, under the same key).
            return jobs.exists(job.id()).compose(exists -> {
              LOG.info("PDF job rendered but no longer held {} {}", kv("pdf_id", job.id()), kv("deleted", !exists));
              return exists ? Future.succeededFuture() : storage.delete(job.storageKey());
            });
          }
          publish(job.event("ready").put("pages", rendered.pages()).put("bytes", rendered.bytes()));
          return job.email() ? mail(job, rendered) : Future.succeededFuture();
        });
  }

  /** Mails the PDF to the owner's address, if it is still verified; a failure is logged, the PDF stays ready. */
  private Future<Void> mail(Job job, Rendered rendered) {
    return contacts.verifiedEmail(job.ownerId().toString())
        .compose(email -> {
          if (email == null) {
            LOG.warn("PDF not mailed: the address is no longer verified {}", kv("pdf_id", job.id()));
            return Future.succeededFuture();
          }
          return vertx.fileSystem().readFile(rendered.file().toString()).compose(bytes -> mailer.send(
              new Mail(mailFrom, email, "Your training plan: " + rendered.fileName(),
                  "Your training plan is attached as a PDF (" + rendered.pages() + " pages).")
                  .with(new Mail.Attachment(rendered.fileName(), "application/pdf", bytes))));
        })
        .onSuccess(sent -> publish(job.event("ready").put("emailed", true)))
        .recover(failure -> {
          LOG.warn("PDF not mailed {}: {}", kv("pdf_id", job.id()), failure.toString());
          return Future.succeededFuture();
        });
  }

  private Future<Void> failed(Job job, Throwable failure) {
    Problem problem = ProblemMapper.toProblem(failure, 500);
    boolean permanent = failure instanceof ServiceException answer && answer.failureCode() >= 400
        && answer.failureCode() < 500;
    if (permanent) {
      return fail(job, problem);
    }
    if (job.attempt() >= settings.maxAttempts()) {
      return fail(job, Problem.of(problem.status(), "The PDF could not be made in " + job.attempt() + " tries: "
          + problem.detail()));
    }
    var wait = settings.backoff(job.attempt());
    LOG.info("PDF job tried again in {} ms {} {}: {}", wait.toMillis(), kv("pdf_id", job.id()), kv("attempt", job.attempt()),
        failure.toString());
    return jobs.retry(job, problem.toJson(), wait).compose(held -> {
      if (held) {
        publish(job.event("queued").put("error", problem.toJson()));
        vertx.setTimer(wait.toMillis() + 1, timer -> pump());
      }
      return Future.<Void>succeededFuture();
    });
  }

  private Future<Void> fail(Job job, Problem problem) {
    LOG.warn("PDF job failed {} {}: {}", kv("pdf_id", job.id()), kv("attempt", job.attempt()), problem.detail());
    return jobs.fail(job, problem.toJson()).compose(held -> {
      if (held) {
        publish(job.event("failed").put("error", problem.toJson()));
      }
      return Future.<Void>succeededFuture();
    });
  }

  private void publish(JsonObject event) {
    vertx.eventBus().publish(PdfEvents.STATUS, event);
    UserEvents.publish(vertx, event.getString("owner_id"), PdfEvents.STATUS, event.copy());
  }
}
