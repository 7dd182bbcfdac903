package com.runningtrainer.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A job whose node died while rendering it is taken again once its lease has run out, and finished. */
class LeaseTest {

  private static PdfPlatform platform;

  @BeforeAll
  static void start() {
    platform = PdfPlatform.start(LeaseTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void aJobLeftRenderingWithAnExpiredLeaseIsFinishedByANewPlatform() {
    Person athlete = platform.person();
    String plan = platform.plan(athlete);
    String pdfId = UUID.randomUUID().toString();
    // As a node that died mid-render leaves it: rendering, its first try's lease run out.
    platform.sql("INSERT INTO pdf_jobs (id, owner_id, plan_id, template, paper, include, status, attempts, "
        + "rendering_until, expires_at) VALUES ($1::uuid, $2::uuid, $3::uuid, 'weekly', 'A4', '{charts}', 'rendering', 1, "
        + "now() - interval '1 second', now() + interval '30 days')", Tuple.of(pdfId, athlete.id(), plan));

    JsonObject ready = platform.awaitStatus(athlete, plan, pdfId, "ready"::equals);

    assertThat(ready.getInteger("pages")).isPositive();
    assertThat(platform.pdf.get("/api/v1/pdf/" + pdfId, athlete.token()).statusCode()).isEqualTo(200);
    assertThat(platform.sql("SELECT attempts FROM pdf_jobs WHERE id = $1::uuid", Tuple.of(pdfId)).iterator().next()
        .getInteger("attempts")).isEqualTo(2);
  }

  @Test
  void aJobStillRenderingUnderALiveLeaseIsLeftToItsNode() {
    Person athlete = platform.person();
    String plan = platform.plan(athlete);
    String pdfId = UUID.randomUUID().toString();
    platform.sql("INSERT INTO pdf_jobs (id, owner_id, plan_id, template, paper, include, status, attempts, "
        + "rendering_until, expires_at) VALUES ($1::uuid, $2::uuid, $3::uuid, 'weekly', 'A4', '{}', 'rendering', 1, "
        + "now() + interval '1 hour', now() + interval '30 days')", Tuple.of(pdfId, athlete.id(), plan));

    PdfPlatform.sleep(500);

    assertThat(platform.status(athlete, plan, pdfId).getString("status")).isEqualTo("rendering");
  }
}
