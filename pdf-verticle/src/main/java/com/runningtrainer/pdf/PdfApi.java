package com.runningtrainer.pdf;

import com.runningtrainer.common.api.ApiHandler;
import com.runningtrainer.common.api.ApiRequest;
import com.runningtrainer.common.api.ApiResponse;
import com.runningtrainer.common.api.Failures;
import com.runningtrainer.common.api.Futures;
import com.runningtrainer.common.api.StreamedBody;
import com.runningtrainer.pdf.job.FileNames;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.Map;

/**
 * One handler per operationId of {@code openapi/pdf.yaml}, each a call of the service. The
 * download answers a {@link StreamedBody} (the file, piped from storage) and the logo takes a
 * binary body: the contract marks both {@code x-forward: http}, so they are served over HTTP only.
 */
public final class PdfApi {

  private final PdfService service;

  public PdfApi(PdfService service) {
    this.service = service;
  }

  public Map<String, ApiHandler> operations() {
    return Map.ofEntries(
        Map.entry("generatePlanPdf", r -> service.generate(r.userId(), r.pathParam("id"), r.query().getString("athlete_id"),
            r.bodyAsJson(), r.header("Idempotency-Key")).map(PdfApi::accepted)),
        Map.entry("getPlanPdfStatus", r -> service.planStatus(r.userId(), r.pathParam("id"),
            r.query().getString("athlete_id")).map(ApiResponse::ok)),
        Map.entry("listPdfs", r -> service.listPdfs(r.userId(), r.query()).map(ApiResponse::ok)),
        Map.entry("downloadPdf", this::download),
        Map.entry("deletePdf", r -> service.deletePdf(r.userId(), r.pathParam("pdf_id")).map(v -> ApiResponse.noContent())),
        Map.entry("getBranding", r -> service.branding(r.userId()).map(ApiResponse::ok)),
        Map.entry("putBranding", r -> service.putBranding(r.userId(), r.bodyAsJson()).map(ApiResponse::ok)),
        Map.entry("deleteBranding", r -> service.deleteBranding(r.userId()).map(v -> ApiResponse.noContent())),
        Map.entry("putBrandingLogo", r -> Futures.defer(() -> service.putLogo(r.userId(), bytes(r))).map(ApiResponse::ok)));
  }

  private static ApiResponse accepted(JsonObject pdf) {
    return ApiResponse.accepted(pdf).withHeader("Location", pdf.getString("download_url"));
  }

  private Future<ApiResponse> download(ApiRequest request) {
    return service.download(request.userId(), request.pathParam("pdf_id"), request.header("If-None-Match"))
        .map(download -> {
          JsonObject headers = new JsonObject()
              .put("ETag", download.etag())
              .put("Cache-Control", "private, no-cache");
          if (download.file() == null) {
            return new ApiResponse(304, headers, null);
          }
          headers.put("Content-Type", "application/pdf")
              .put("Content-Disposition", FileNames.contentDisposition(download.fileName()));
          return new ApiResponse(200, headers, new StreamedBody(download.file().length(), download.file().content()));
        });
  }

  /** The body's bytes: as read over HTTP, or base64 as JSON carries a buffer on the event bus. */
  private static Buffer bytes(ApiRequest request) {
    Object body = request.body();
    if (body instanceof Buffer buffer) {
      return buffer;
    }
    if (body instanceof String base64) {
      try {
        return Buffer.buffer(Base64.getDecoder().decode(base64));
      } catch (IllegalArgumentException e) {
        throw Failures.invalid("body", "must be the image's bytes");
      }
    }
    throw Failures.invalid("body", "must be the image's bytes");
  }
}
