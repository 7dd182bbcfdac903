package com.runningtrainer.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.pdf.storage.S3ProxyServer;
import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pdf service with {@code PDF_STORAGE=s3}, on a real S3-compatible server (s3proxy, a
 * process of its own): PDFs are stored in the bucket, which the service makes at start, and
 * streamed from it.
 */
class PdfOnS3Test {

  private static S3ProxyServer s3;
  private static PdfPlatform platform;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3ProxyServer.start();
    Map<String, String> settings = new HashMap<>(s3.settings(S3ProxyServer.bucket(PdfOnS3Test.class)));
    settings.put("PDF_STORAGE", "s3");
    platform = PdfPlatform.start(PdfOnS3Test.class, settings);
  }

  @AfterAll
  static void stop() throws Exception {
    platform.close();
    s3.close();
  }

  @Test
  void aPdfRenderedIntoTheBucketDownloadsWhole() throws Exception {
    Person athlete = platform.person();
    JsonObject ready = platform.ready(athlete, platform.plan(athlete));

    var download = platform.pdf.get("/api/v1/pdf/" + ready.getString("pdf_id"), athlete.token());

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.getHeader("Content-Length")).isEqualTo(String.valueOf(ready.getLong("bytes")));
    try (PDDocument document = Loader.loadPDF(download.body().getBytes())) {
      assertThat(document.getNumberOfPages()).isEqualTo(ready.getInteger("pages"));
    }
  }

  @Test
  void aDeletedPdfIsGoneFromTheBucket() {
    Person athlete = platform.person();
    String pdf = platform.ready(athlete, platform.plan(athlete)).getString("pdf_id");

    var deleted = platform.pdf.delete("/api/v1/pdf/" + pdf, athlete.token());

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(platform.pdf.get("/api/v1/pdf/" + pdf, athlete.token()).statusCode()).isEqualTo(404);
  }
}
