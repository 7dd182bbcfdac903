package com.runningtrainer.pdf;

import com.runningtrainer.pdf.storage.StoredFile;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * The pdf service's business API, which its operation handlers call. Every method acts for one
 * caller, the user id first, on their own PDFs and branding: anyone else's PDF is absent (404).
 * Failures are {@link io.vertx.serviceproxy.ServiceException}s whose code is the HTTP status.
 * Bodies, queries and answers are the JSON of {@code openapi/pdf.yaml}. Nobody else calls it, so
 * it has no API module; what others may follow is published at {@link PdfEvents#STATUS}.
 */
public interface PdfService {

  /**
   * Queues the PDF of a plan the caller sees (a coach: a shared athlete's, {@code athleteId});
   * with an idempotency key the caller used before, the PDF of that request.
   */
  Future<JsonObject> generate(String callerId, String planId, String athleteId, JsonObject options, String idempotencyKey);

  /**
   * The caller's PDFs of the plan, newest first: {@code {plan_id, items}}; 404 when there are none
   * and the caller may not read the plan.
   */
  Future<JsonObject> planStatus(String callerId, String planId, String athleteId);

  Future<JsonObject> listPdfs(String callerId, JsonObject query);

  /**
   * The caller's PDF, ready, to download: 409 while queued or rendering, 404 failed, 410 expired.
   *
   * @param ifNoneMatch the client's {@code If-None-Match}; when it names this PDF's ETag the file is not opened
   */
  Future<Download> download(String callerId, String pdfId, String ifNoneMatch);

  /** Deletes the caller's PDF and its file. */
  Future<Void> deletePdf(String callerId, String pdfId);

  Future<JsonObject> branding(String callerId);

  Future<JsonObject> putBranding(String callerId, JsonObject branding);

  /** Sets the caller's logo: PNG or JPEG, checked before anything decodes it. */
  Future<JsonObject> putLogo(String callerId, Buffer image);

  Future<Void> deleteBranding(String callerId);

  /**
   * A PDF to send.
   *
   * @param pdf the PDF as the API shows it
   * @param etag its entity tag, quoted
   * @param fileName the name to save it under
   * @param file its bytes; null when the client's copy is current (304)
   */
  record Download(JsonObject pdf, String etag, String fileName, StoredFile file) {
  }
}
