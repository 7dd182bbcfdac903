package com.runningtrainer.pdf;

import static com.runningtrainer.testsupport.ProblemAssert.assertFieldProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.runningtrainer.testsupport.FakeAuth.Person;
import com.runningtrainer.testsupport.TestPorts;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code email: true}: the PDF, once ready, mailed as an attachment to the caller's verified address. */
class EmailTest {

  private static final int SMTP_PORT = TestPorts.free();

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1",
      ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

  private static PdfPlatform platform;

  @BeforeAll
  static void start() {
    platform = PdfPlatform.start(EmailTest.class, Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(SMTP_PORT),
        "SMTP_FROM", "Running Trainer <no-reply@running-trainer.test>"));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void theReadyPdfIsMailedAsAnAttachmentWithTheSameBytes() throws Exception {
    Person athlete = platform.person();
    String plan = platform.plan(athlete);

    var accepted = platform.generate(athlete, plan, new JsonObject().put("email", true));
    String pdfId = accepted.bodyAsJsonObject().getString("pdf_id");
    platform.awaitStatus(athlete, plan, pdfId, "ready"::equals);
    byte[] downloaded = platform.pdf.get("/api/v1/pdf/" + pdfId, athlete.token()).body().getBytes();

    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages())
        .filter(m -> address(m).equals(athlete.email())).findFirst().orElseThrow();
    Part attachment = attachment((Multipart) mail.getContent());
    assertThat(attachment.getContentType()).startsWith("application/pdf");
    assertThat(attachment.getFileName()).isEqualTo("Spring Marathon.pdf");
    assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(downloaded);
  }

  @Test
  void askingForAMailWithAnUnverifiedAddressIs422AtOnce() {
    Person athlete = platform.unverifiedPerson();

    var response = platform.generate(athlete, platform.plan(athlete), new JsonObject().put("email", true));

    assertFieldProblem(response, 422, "email");
  }

  private static String address(MimeMessage mail) {
    try {
      return mail.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Part attachment(Multipart multipart) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      Part part = multipart.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        return part;
      }
    }
    throw new AssertionError("no attachment");
  }
}
