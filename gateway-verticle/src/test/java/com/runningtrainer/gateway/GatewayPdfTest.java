package com.runningtrainer.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.TestHttp;
import com.runningtrainer.testsupport.TestPorts;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pdf service's binary operations ({@code x-forward: http}) through the gateway: proxied to
 * the service's HTTP port and streamed, in event-bus mode (the port asked at
 * {@code pdf.http-address}) and in HTTP mode; its JSON operations over the event bus as usual.
 * The real auth, trainer and pdf services run behind it.
 */
class GatewayPdfTest {

  private static GatewayPlatform platform;
  private static TestHttp overHttp;

  @BeforeAll
  static void start() throws IOException {
    int pdfPort = TestPorts.free();
    platform = GatewayPlatform.start(GatewayPdfTest.class, Map.of(
        "GATEWAY_SERVICES", "auth,trainer,pdf",
        "PDF_PORT", String.valueOf(pdfPort),
        "PDF_DIR", Files.createTempDirectory("gateway-pdf").toString(),
        "PDF_POLL_MS", "100"), true, true);
    overHttp = platform.gateway(Map.of("PDF_UPSTREAM", "http://127.0.0.1:" + pdfPort));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  /** A plan of a new user's, and its PDF ready, asked for and waited for through the gateway. */
  private record Ready(String token, String pdfId) {
  }

  private static Ready readyPdf() {
    String token = platform.newUser();
    String plan = platform.gateway.post("/api/v1/plans", token, GatewayPlatform.plan()).bodyAsJsonObject().getString("id");
    var accepted = platform.gateway.post("/api/v1/pdf/plans/" + plan + "/generate", token, new JsonObject());
    assertThat(accepted.statusCode()).as(accepted.bodyAsString()).isEqualTo(202);
    String pdfId = accepted.bodyAsJsonObject().getString("pdf_id");
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      var items = platform.gateway.get("/api/v1/pdf/plans/" + plan + "/status", token).bodyAsJsonObject().getJsonArray("items");
      if ("ready".equals(items.getJsonObject(0).getString("status"))) {
        return new Ready(token, pdfId);
      }
      sleep();
    }
    throw new AssertionError("the PDF did not become ready");
  }

  @Test
  void aPdfDownloadsThroughTheGatewayInEventBusMode() throws IOException {
    Ready ready = readyPdf();

    var download = platform.gateway.get("/api/v1/pdf/" + ready.pdfId(), ready.token());

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.getHeader("Content-Type")).isEqualTo("application/pdf");
    assertThat(download.getHeader("Content-Disposition")).startsWith("attachment; filename=\"Spring 10k.pdf\"");
    assertThat(download.getHeader("ETag")).isNotBlank();
    try (PDDocument document = Loader.loadPDF(download.body().getBytes())) {
      assertThat(document.getNumberOfPages()).isPositive();
    }
  }

  @Test
  void theCallersEventStreamTellsThePdfIsReadyWithoutPolling() throws InterruptedException {
    String token = platform.newUser();
    String plan = platform.gateway.post("/api/v1/plans", token, GatewayPlatform.plan()).bodyAsJsonObject().getString("id");
    try (EventStreamClient events = EventStreamClient.open(platform.vertx, platform.gatewayPort, token, null)) {
      String pdfId = platform.gateway.post("/api/v1/pdf/plans/" + plan + "/generate", token, new JsonObject())
          .bodyAsJsonObject().getString("pdf_id");

      var ready = events.awaitEvent(e -> e.type().equals("pdf.status") && e.data().contains("\"ready\""),
          Duration.ofSeconds(15));

      assertThat(new JsonObject(ready.data()).getString("pdf_id")).isEqualTo(pdfId);
    }
  }

  @Test
  void theCurrentEtagIs304ThroughTheGateway() {
    Ready ready = readyPdf();
    String etag = platform.gateway.get("/api/v1/pdf/" + ready.pdfId(), ready.token()).getHeader("ETag");

    var again = platform.gateway.request(HttpMethod.GET, "/api/v1/pdf/" + ready.pdfId(), ready.token())
        .putHeader("If-None-Match", etag).send().await();

    assertThat(again.statusCode()).isEqualTo(304);
  }

  @Test
  void aPdfDownloadsThroughAGatewayForwardingOverHttp() {
    Ready ready = readyPdf();

    var download = overHttp.get("/api/v1/pdf/" + ready.pdfId(), ready.token());

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body().length()).isEqualTo(Integer.parseInt(download.getHeader("Content-Length")));
  }

  @Test
  void anotherUsersPdfIs404ThroughTheGateway() {
    Ready ready = readyPdf();

    var download = platform.gateway.get("/api/v1/pdf/" + ready.pdfId(), platform.newUser());

    assertThat(download.statusCode()).isEqualTo(404);
    assertThat(download.getHeader("Content-Type")).isEqualTo("application/problem+json");
  }

  @Test
  void aLogoUploadsThroughTheGateway() throws IOException {
    String token = platform.newUser();
    BufferedImage image = new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);

    var put = platform.gateway.request(HttpMethod.PUT, "/api/v1/pdf/branding/logo", token)
        .putHeader("Content-Type", "image/png").sendBuffer(Buffer.buffer(png.toByteArray())).await();

    assertThat(put.statusCode()).as(put.bodyAsString()).isEqualTo(200);
    assertThat(put.bodyAsJsonObject().getJsonObject("logo").getInteger("width")).isEqualTo(32);
  }

  @Test
  void withoutATokenTheGatewayRefusesADownloadItself() {
    var download = platform.gateway.get("/api/v1/pdf/" + java.util.UUID.randomUUID(), null);

    assertThat(download.statusCode()).isEqualTo(401);
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
