package com.runningtrainer.pdf;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.api.ApiRequest;
import com.runningtrainer.common.api.ApiResponse;
import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A plan's PDF from the request to the download, and what each step answers on the way. */
class PdfRoundTripTest {

  private static PdfPlatform platform;

  @BeforeAll
  static void start() {
    platform = PdfPlatform.start(PdfRoundTripTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void generateAnswers202WithTheQueuedPdfItsDownloadLocationAndStatusUrl() {
    Person athlete = platform.person();
    String plan = platform.plan(athlete);

    var response = platform.generate(athlete, plan, new JsonObject());

    assertThat(response.statusCode()).isEqualTo(202);
    JsonObject pdf = response.bodyAsJsonObject();
    assertThat(pdf.getString("status")).isEqualTo("queued");
    assertThat(pdf.getString("template")).isEqualTo("weekly");
    assertThat(pdf.getString("paper")).isEqualTo("A4");
    assertThat(pdf.getJsonArray("include")).isEqualTo(new JsonArray().add("charts").add("statistics").add("descriptions"));
    assertThat(response.getHeader("Location")).isEqualTo("/api/v1/pdf/" + pdf.getString("pdf_id"));
    assertThat(pdf.getString("status_url")).isEqualTo("/api/v1/pdf/plans/" + plan + "/status");
  }

  @Test
  void aReadyPdfDownloadsAsAPdfThatPdfBoxLoadsWithItsLengthNameAndEtag() throws Exception {
    Person athlete = platform.person();
    String plan = platform.plan(athlete);
    JsonObject ready = platform.ready(athlete, plan);

    var download = platform.pdf.get("/api/v1/pdf/" + ready.getString("pdf_id"), athlete.token());

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.getHeader("Content-Type")).isEqualTo("application/pdf");
    assertThat(download.getHeader("Content-Length")).isEqualTo(String.valueOf(download.body().length()));
    assertThat(download.body().length()).isEqualTo(ready.getLong("bytes").intValue());
    assertThat(download.getHeader("Content-Disposition"))
        .isEqualTo("attachment; filename=\"Spring Marathon.pdf\"; filename*=UTF-8''Spring%20Marathon.pdf");
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body().getBytes()));
    assertThat(download.getHeader("ETag")).isEqualTo("\"" + sha256 + "\"");
    try (PDDocument document = Loader.loadPDF(download.body().getBytes())) {
      assertThat(document.getNumberOfPages()).isEqualTo(ready.getInteger("pages"));
    }
  }

  @Test
  void theStatusOfAReadyPdfSaysItsPagesBytesAndWhenItExpires() {
    Person athlete = platform.person();
    String plan = platform.plan(athlete);

    JsonObject ready = platform.ready(athlete, plan);

    assertThat(ready.getInteger("pages")).isPositive();
    assertThat(ready.getLong("bytes")).isPositive();
    assertThat(ready.getString("ready_at")).isNotNull();
    assertThat(ready.getString("expires_at")).isGreaterThan(ready.getString("ready_at"));
    assertThat(ready.containsKey("error")).isFalse();
  }

  @Test
  void aDownloadWithTheCurrentEtagAnswers304WithoutTheFile() {
    Person athlete = platform.person();
    JsonObject ready = platform.ready(athlete, platform.plan(athlete));
    String path = "/api/v1/pdf/" + ready.getString("pdf_id");
    String etag = platform.pdf.get(path, athlete.token()).getHeader("ETag");

    var again = platform.pdf.request(HttpMethod.GET, path, athlete.token()).putHeader("If-None-Match", etag).send().await();

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.getHeader("ETag")).isEqualTo(etag);
    assertThat(again.body() == null ? 0 : again.body().length()).isZero();
  }

  @Test
  void aNonAsciiPlanNameIsSavedUnderAnAsciiFallbackAndItsExactNameInFilenameStar() {
    Person athlete = platform.person();
    String plan = platform.trainer.plan(athlete.id(), "Köln \"Marathon\" 10/10");
    JsonObject ready = platform.ready(athlete, plan);

    var download = platform.pdf.get("/api/v1/pdf/" + ready.getString("pdf_id"), athlete.token());

    assertThat(download.getHeader("Content-Disposition")).isEqualTo(
        "attachment; filename=\"Koln Marathon 10 10.pdf\"; filename*=UTF-8''K%C3%B6ln%20Marathon%2010%2010.pdf");
  }

  @Test
  void theSameIdempotencyKeyAnswersTheSameJob() {
    Person athlete = platform.person();
    String plan = platform.plan(athlete);
    String path = "/api/v1/pdf/plans/" + plan + "/generate";

    var first = platform.pdf.request(HttpMethod.POST, path, athlete.token()).putHeader("Idempotency-Key", "k-1")
        .sendJsonObject(new JsonObject()).await();
    var retried = platform.pdf.request(HttpMethod.POST, path, athlete.token()).putHeader("Idempotency-Key", "k-1")
        .sendJsonObject(new JsonObject()).await();

    assertThat(retried.statusCode()).isEqualTo(202);
    assertThat(retried.bodyAsJsonObject().getString("pdf_id")).isEqualTo(first.bodyAsJsonObject().getString("pdf_id"));
    assertThat(platform.pdf.get("/api/v1/pdf/plans/" + plan + "/status", athlete.token()).bodyAsJsonObject()
        .getJsonArray("items")).hasSize(1);
  }

  @Test
  void anotherUsersSameIdempotencyKeyIsAnotherJob() {
    Person one = platform.person();
    Person other = platform.person();
    String planOfOne = platform.plan(one);
    String planOfOther = platform.plan(other);

    var first = platform.pdf.request(HttpMethod.POST, "/api/v1/pdf/plans/" + planOfOne + "/generate", one.token())
        .putHeader("Idempotency-Key", "shared").sendJsonObject(new JsonObject()).await();
    var second = platform.pdf.request(HttpMethod.POST, "/api/v1/pdf/plans/" + planOfOther + "/generate", other.token())
        .putHeader("Idempotency-Key", "shared").sendJsonObject(new JsonObject()).await();

    assertThat(second.statusCode()).isEqualTo(202);
    assertThat(second.bodyAsJsonObject().getString("pdf_id")).isNotEqualTo(first.bodyAsJsonObject().getString("pdf_id"));
  }

  @Test
  void aDownloadWhileQueuedIs409() {
    Person athlete = platform.person();
    String pdfId = waitingJob(athlete, "queued");

    assertProblem(platform.pdf.get("/api/v1/pdf/" + pdfId, athlete.token()), 409);
  }

  @Test
  void aDownloadWhileRenderingIs409() {
    Person athlete = platform.person();
    String pdfId = waitingJob(athlete, "rendering");

    assertProblem(platform.pdf.get("/api/v1/pdf/" + pdfId, athlete.token()), 409);
  }

  @Test
  void anExpiredPdfIs410UntilTheRetentionSweepRemovesIt() {
    Person athlete = platform.person();
    String pdfId = platform.ready(athlete, platform.plan(athlete)).getString("pdf_id");
    // The sweep ran at start and runs again in a minute: until then the expired PDF is still there.
    platform.sql("UPDATE pdf_jobs SET expires_at = now() - interval '1 second' WHERE id = $1::uuid", Tuple.of(pdfId));

    assertProblem(platform.pdf.get("/api/v1/pdf/" + pdfId, athlete.token()), 410);
  }

  @Test
  void anUnknownTemplateIs400() {
    Person athlete = platform.person();

    assertFieldProblem(platform.generate(athlete, platform.plan(athlete), new JsonObject().put("template", "yearly")), 400,
        "template");
  }

  @Test
  void anUnknownPaperIs400() {
    Person athlete = platform.person();

    assertFieldProblem(platform.generate(athlete, platform.plan(athlete), new JsonObject().put("paper", "A3")), 400,
        "paper");
  }

  @Test
  void anUnknownPartToIncludeIs400() {
    Person athlete = platform.person();

    assertProblem(platform.generate(athlete, platform.plan(athlete),
        new JsonObject().put("include", new JsonArray().add("maps"))), 400);
  }

  @Test
  void aPlanIdThatIsNotAUuidIs400OnEveryPlanRoute() {
    Person athlete = platform.person();

    assertProblem(platform.generate(athlete, "not-a-uuid", new JsonObject()), 400);
    assertProblem(platform.pdf.get("/api/v1/pdf/plans/not-a-uuid/status", athlete.token()), 400);
  }

  @Test
  void aPdfIdThatIsNotAUuidIs400OnEveryPdfRoute() {
    Person athlete = platform.person();

    assertProblem(platform.pdf.get("/api/v1/pdf/12345", athlete.token()), 400);
    assertProblem(platform.pdf.delete("/api/v1/pdf/12345", athlete.token()), 400);
  }

  @Test
  void anUnknownPdfIs404() {
    Person athlete = platform.person();

    assertProblem(platform.pdf.get("/api/v1/pdf/" + UUID.randomUUID(), athlete.token()), 404);
    assertProblem(platform.pdf.delete("/api/v1/pdf/" + UUID.randomUUID(), athlete.token()), 404);
  }

  @Test
  void anUnknownPlanIs404() {
    Person athlete = platform.person();

    assertProblem(platform.generate(athlete, UUID.randomUUID().toString(), new JsonObject()), 404);
  }

  @Test
  void theListIsTheCallersPdfsNewestFirstPaged() {
    Person athlete = platform.person();
    String plan = platform.plan(athlete);
    String first = platform.queued(athlete, plan).getString("pdf_id");
    String second = platform.queued(athlete, plan).getString("pdf_id");

    JsonObject page = platform.pdf.get("/api/v1/pdf?limit=1", athlete.token()).bodyAsJsonObject();
    JsonObject next = platform.pdf.get("/api/v1/pdf?limit=1&offset=1", athlete.token()).bodyAsJsonObject();

    assertThat(page.getLong("total")).isEqualTo(2);
    assertThat(page.getInteger("limit")).isEqualTo(1);
    assertThat(page.getJsonArray("items").getJsonObject(0).getString("pdf_id")).isEqualTo(second);
    assertThat(next.getJsonArray("items").getJsonObject(0).getString("pdf_id")).isEqualTo(first);
  }

  @Test
  void aLimitOutOfRangeIs400() {
    Person athlete = platform.person();

    assertProblem(platform.pdf.get("/api/v1/pdf?limit=0", athlete.token()), 400);
  }

  @Test
  void deletingAPdfRemovesItAndItsFile() {
    Person athlete = platform.person();
    JsonObject ready = platform.ready(athlete, platform.plan(athlete));
    String pdfId = ready.getString("pdf_id");
    assertThat(Files.exists(platform.files.resolve(pdfId + ".pdf"))).isTrue();

    var deleted = platform.pdf.delete("/api/v1/pdf/" + pdfId, athlete.token());

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(Files.exists(platform.files.resolve(pdfId + ".pdf"))).isFalse();
    assertProblem(platform.pdf.get("/api/v1/pdf/" + pdfId, athlete.token()), 404);
  }

  @Test
  void anIdempotencyKeyOfTenThousandCharactersIs400() {
    Person athlete = platform.person();

    // The server closes a connection whose headers are too large after answering: not one to reuse.
    var response = platform.pdf.request(HttpMethod.POST, "/api/v1/pdf/plans/" + platform.plan(athlete) + "/generate",
        athlete.token()).putHeader("Idempotency-Key", "k".repeat(10_000)).putHeader("Connection", "close")
        .sendJsonObject(new JsonObject()).await();

    assertThat(response.statusCode()).isBetween(400, 499);
  }

  @Test
  void aTemplateWithANulIs400() {
    Person athlete = platform.person();

    assertProblem(platform.generate(athlete, platform.plan(athlete), new JsonObject().put("template", "weekly\u0000")), 400);
  }

  @Test
  void aDownloadAskedOverTheEventBusIs501SinceAFileIsServedOverHttpOnly() {
    Person athlete = platform.person();
    JsonObject ready = platform.ready(athlete, platform.plan(athlete));
    ApiRequest request = new ApiRequest("downloadPdf", new JsonObject().put("pdf_id", ready.getString("pdf_id")),
        new JsonObject(), null, new JsonObject().put("sub", athlete.id()), new JsonObject(), "test");

    ApiResponse answer = ApiResponse.fromJson(platform.vertx.eventBus()
        .<JsonObject>request("pdf.api", request.toJson()).await().body());

    assertThat(answer.status()).isEqualTo(501);
  }

  @Test
  void theStatusIsServedOverTheEventBusAsOverHttp() {
    Person athlete = platform.person();
    String plan = platform.plan(athlete);
    String pdfId = platform.queued(athlete, plan).getString("pdf_id");
    ApiRequest request = new ApiRequest("getPlanPdfStatus", new JsonObject().put("id", plan), new JsonObject(), null,
        new JsonObject().put("sub", athlete.id()), new JsonObject(), "test");

    ApiResponse answer = ApiResponse.fromJson(platform.vertx.eventBus()
        .<JsonObject>request("pdf.api", request.toJson()).await().body());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(((JsonObject) answer.body()).getJsonArray("items").getJsonObject(0).getString("pdf_id")).isEqualTo(pdfId);
  }

  @Test
  void withoutATokenEveryRouteIs401() {
    assertProblem(platform.pdf.get("/api/v1/pdf", null), 401);
    assertProblem(platform.pdf.get("/api/v1/pdf/" + UUID.randomUUID(), null), 401);
  }

  /** A job of the athlete's that no worker will take for an hour, in this status. */
  private static String waitingJob(Person athlete, String status) {
    String id = UUID.randomUUID().toString();
    platform.sql("INSERT INTO pdf_jobs (id, owner_id, plan_id, template, paper, include, status, next_attempt_at, "
        + "rendering_until, attempts, expires_at) VALUES ($1::uuid, $2::uuid, $3::uuid, 'weekly', 'A4', '{}', $4, "
        + "now() + interval '1 hour', now() + interval '1 hour', 1, now() + interval '30 days')",
        Tuple.of(id, athlete.id(), UUID.randomUUID().toString(), status));
    return id;
  }
}
