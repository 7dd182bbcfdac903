package com.runningtrainer.pdf;

/** The event-bus addresses the pdf service publishes and listens at. */
public final class PdfEvents {

  /**
   * Published on every status change of a PDF: {@code pdf_id}, {@code owner_id}, {@code plan_id},
   * {@code status} (rendering, ready, queued again for a retry, failed), {@code attempt}, and
   * {@code error} (a problem) when it failed or is retried.
   */
  public static final String STATUS = "pdf.status";

  /** Published (locally, and across a cluster) when a job is queued, so that a worker takes it at once. */
  public static final String QUEUED = "pdf.jobs.queued";

  private PdfEvents() {
  }
}
