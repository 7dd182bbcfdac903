package com.runningtrainer.pdf;

import static com.runningtrainer.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.testsupport.FakeAuth.Person;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A user reaches only their own PDFs; a coach prints what an athlete shares, as the coach's own PDF. */
class PdfIsolationTest {

  private static PdfPlatform platform;

  @BeforeAll
  static void start() {
    platform = PdfPlatform.start(PdfIsolationTest.class);
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void anotherUsersPlanIs404ToGenerate() {
    Person owner = platform.person();
    Person stranger = platform.person();

    assertProblem(platform.generate(stranger, platform.plan(owner), new JsonObject()), 404);
  }

  @Test
  void anotherUsersPdfIs404ToDownload() {
    Person owner = platform.person();
    Person stranger = platform.person();
    JsonObject ready = platform.ready(owner, platform.plan(owner));

    assertProblem(platform.pdf.get("/api/v1/pdf/" + ready.getString("pdf_id"), stranger.token()), 404);
  }

  @Test
  void anotherUsersPdfIs404ToDeleteAndStaysTheOwners() {
    Person owner = platform.person();
    Person stranger = platform.person();
    JsonObject ready = platform.ready(owner, platform.plan(owner));

    assertProblem(platform.pdf.delete("/api/v1/pdf/" + ready.getString("pdf_id"), stranger.token()), 404);

    assertThat(platform.pdf.get("/api/v1/pdf/" + ready.getString("pdf_id"), owner.token()).statusCode()).isEqualTo(200);
  }

  @Test
  void anotherUsersPlanStatusIs404() {
    Person owner = platform.person();
    Person stranger = platform.person();
    String plan = platform.plan(owner);
    platform.queued(owner, plan);

    var status = platform.pdf.get("/api/v1/pdf/plans/" + plan + "/status", stranger.token());

    assertProblem(status, 404);
  }

  @Test
  void theOwnersPlanWithoutPdfsHasAnEmptyStatus() {
    Person owner = platform.person();
    String plan = platform.plan(owner);

    JsonObject status = platform.pdf.get("/api/v1/pdf/plans/" + plan + "/status", owner.token()).bodyAsJsonObject();

    assertThat(status.getJsonArray("items")).isEmpty();
  }

  @Test
  void aCoachWithAShareSeesTheStatusOfTheAthletesPlan() {
    Person athlete = platform.person();
    Person coach = platform.person();
    platform.trainer.share(athlete.id(), coach.id());
    String plan = platform.plan(athlete);

    var status = platform.pdf.get("/api/v1/pdf/plans/" + plan + "/status?athlete_id=" + athlete.id(), coach.token());

    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.bodyAsJsonObject().getJsonArray("items")).isEmpty();
  }

  @Test
  void theListHoldsOnlyTheCallersPdfs() {
    Person owner = platform.person();
    Person stranger = platform.person();
    platform.queued(owner, platform.plan(owner));

    JsonObject page = platform.pdf.get("/api/v1/pdf", stranger.token()).bodyAsJsonObject();

    assertThat(page.getLong("total")).isZero();
  }

  @Test
  void aCoachWithAShareGeneratesTheAthletesPlanAsTheirOwnPdf() {
    Person athlete = platform.person();
    Person coach = platform.person();
    platform.trainer.share(athlete.id(), coach.id());
    String plan = platform.plan(athlete);

    var response = platform.pdf.post("/api/v1/pdf/plans/" + plan + "/generate?athlete_id=" + athlete.id(), coach.token(),
        new JsonObject());
    String pdfId = response.bodyAsJsonObject().getString("pdf_id");
    platform.awaitStatus(coach, plan, pdfId, "ready"::equals);

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(platform.pdf.get("/api/v1/pdf/" + pdfId, coach.token()).statusCode()).isEqualTo(200);
    assertProblem(platform.pdf.get("/api/v1/pdf/" + pdfId, athlete.token()), 404);
  }

  @Test
  void aCoachNamingAnAthleteWhoDoesNotShareIs404() {
    Person athlete = platform.person();
    Person coach = platform.person();
    String plan = platform.plan(athlete);

    var response = platform.pdf.post("/api/v1/pdf/plans/" + plan + "/generate?athlete_id=" + athlete.id(), coach.token(),
        new JsonObject());

    assertProblem(response, 404);
  }

  @Test
  void anAthleteIdThatIsNotAUuidIs400() {
    Person athlete = platform.person();

    assertProblem(platform.pdf.post("/api/v1/pdf/plans/" + platform.plan(athlete) + "/generate?athlete_id=nope",
        athlete.token(), new JsonObject()), 400);
  }
}
