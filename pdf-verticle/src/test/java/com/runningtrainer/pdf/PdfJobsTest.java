package com.runningtrainer.pdf;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jobs that survive: retried while the trainer is away, then failed with a problem; expired PDFs
 * answer 410 until they are removed, file and row. Each test uses a plan of its own, and the
 * trainer goes away for one of them only.
 */
class PdfJobsTest {

  private static PdfPlatform platform;

  @BeforeAll
  static void start() {
    platform = PdfPlatform.start(PdfJobsTest.class, Map.of("PDF_MAX_ATTEMPTS", "3", "PDF_RETENTION_SWEEP_MS", "200"));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void aJobTheTrainerCannotAnswerIsTriedAgainThenFailsWithAProblem() {
    Person athlete = platform.person();
    String plan = platform.plan(athlete);
    List<JsonObject> events = new CopyOnWriteArrayList<>();
    MessageConsumer<JsonObject> listener = platform.vertx.eventBus().consumer(PdfEvents.STATUS, m -> events.add(m.body()));
    listener.completion().await();
    // The check at the request is answered; the trainer then goes down.
    platform.trainer.answerOnly(1);
    try {
      String pdfId = platform.queued(athlete, plan).getString("pdf_id");

      JsonObject failed = platform.awaitStatus(athlete, plan, pdfId, "failed"::equals);
      // The event follows the row's change: it may arrive just after the status is read.
      awaitEvent(events, pdfId, "failed");

      assertThat(failed.getJsonObject("error").getInteger("status")).isEqualTo(503);
      assertThat(failed.getJsonObject("error").getString("detail")).contains("3 tries").contains("trainer");
      assertThat(events.stream().filter(e -> e.getString("pdf_id").equals(pdfId)).map(e -> e.getString("status")))
          .containsSubsequence("rendering", "queued", "rendering", "queued", "rendering", "failed");
      assertThat(events.stream().filter(e -> e.getString("pdf_id").equals(pdfId)).map(e -> e.getString("owner_id")))
          .containsOnly(athlete.id());
      assertProblem(platform.pdf.get("/api/v1/pdf/" + pdfId, athlete.token()), 404);
    } finally {
      platform.trainer.answerOnly(Integer.MAX_VALUE);
      listener.unregister().await();
    }
  }

  private static void awaitEvent(List<JsonObject> events, String pdfId, String status) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline && events.stream()
        .noneMatch(e -> e.getString("pdf_id").equals(pdfId) && e.getString("status").equals(status))) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  @Test
  void anExpiredPdfIsRemovedWithItsFile() {
    Person athlete = platform.person();
    String pdfId = platform.ready(athlete, platform.plan(athlete)).getString("pdf_id");
    assertThat(Files.exists(platform.files.resolve(pdfId + ".pdf"))).isTrue();

    platform.sql("UPDATE pdf_jobs SET expires_at = now() - interval '1 second' WHERE id = $1::uuid", Tuple.of(pdfId));

    long deadline = System.currentTimeMillis() + 10_000;
    while (platform.sql("SELECT 1 FROM pdf_jobs WHERE id = $1::uuid", Tuple.of(pdfId)).size() > 0
        && System.currentTimeMillis() < deadline) {
      PdfPlatform.sleep(50);
    }
    assertThat(platform.sql("SELECT 1 FROM pdf_jobs WHERE id = $1::uuid", Tuple.of(pdfId)).size()).isZero();
    assertThat(Files.exists(platform.files.resolve(pdfId + ".pdf"))).isFalse();
    assertProblem(platform.pdf.get("/api/v1/pdf/" + pdfId, athlete.token()), 404);
  }
}
