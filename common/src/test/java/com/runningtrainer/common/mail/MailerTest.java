package com.runningtrainer.common.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.ext.mail.SMTPException;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The mailer every service sends through: SMTP behind a breaker, or the log when no server is set. */
class MailerTest {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  private static final Mail MAIL = new Mail("Running Trainer <no-reply@running-trainer.test>", "ann@example.com",
      "Your plan as a PDF", "Your plan is attached.");

  private Vertx vertx;

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopVertx() {
    vertx.close().await();
  }

  @Test
  void aMailReachesTheSmtpServerAsWritten() throws Exception {
    Mailer mailer = Mailer.create(vertx, smtpAt(SMTP.getSmtp().getPort()));

    mailer.send(MAIL).await();

    MimeMessage received = SMTP.getReceivedMessagesForDomain("example.com")[0];
    assertThat(received.getFrom()[0].toString()).isEqualTo(MAIL.from());
    assertThat(received.getAllRecipients()[0].toString()).isEqualTo(MAIL.to());
    assertThat(received.getSubject()).isEqualTo(MAIL.subject());
    assertThat(String.valueOf(received.getContent()).trim()).isEqualTo(MAIL.text());
  }

  @Test
  void anAttachmentReachesTheSmtpServerWithItsNameTypeAndBytes() throws Exception {
    Mailer mailer = Mailer.create(vertx, smtpAt(SMTP.getSmtp().getPort()));
    byte[] pdf = "%PDF-1.7 not really".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Mail mail = new Mail(MAIL.from(), "bea@example.org", MAIL.subject(), MAIL.text())
        .with(new Mail.Attachment("plan.pdf", "application/pdf", io.vertx.core.buffer.Buffer.buffer(pdf)));

    mailer.send(mail).await();

    MimeMessage received = SMTP.getReceivedMessagesForDomain("example.org")[0];
    var parts = (jakarta.mail.Multipart) received.getContent();
    jakarta.mail.BodyPart attachment = null;
    for (int i = 0; i < parts.getCount(); i++) {
      if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
        attachment = parts.getBodyPart(i);
      }
    }
    assertThat(attachment).isNotNull();
    assertThat(attachment.getFileName()).isEqualTo("plan.pdf");
    assertThat(attachment.getContentType()).startsWith("application/pdf");
    assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(pdf);
  }

  @Test
  void withoutAnSmtpHostAMailIsAcceptedWithNoServerToSendItTo() {
    Mailer mailer = Mailer.create(vertx, new MailSettings(Optional.empty(), 587, Optional.empty(), Optional.empty(),
        MAIL.from()));

    assertThat(mailer.send(MAIL).succeeded()).isTrue();
  }

  @Test
  void afterFiveFailedSendsTheBreakerOpensAndSendsFailAtOnceWithoutConnecting() {
    AtomicInteger connections = new AtomicInteger();
    NetServer hangsUp = vertx.createNetServer()
        .connectHandler(socket -> {
          connections.incrementAndGet();
          socket.close();
        })
        .listen(0, "127.0.0.1").await();
    Mailer mailer = Mailer.create(vertx, smtpAt(hangsUp.actualPort()));
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> mailer.send(MAIL).await()).isNotInstanceOf(OpenCircuitException.class);
    }
    int tried = connections.get();

    assertThatThrownBy(() -> mailer.send(MAIL).await()).isInstanceOf(OpenCircuitException.class);
    assertThat(connections.get()).isEqualTo(tried);
  }

  @Test
  void givenAServerThatRefusesOneRecipientThenManyMailsToItLeaveTheBreakerClosed() {
    Mailer mailer = Mailer.create(vertx, smtpAt(refusingEveryRecipient().actualPort()));

    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> mailer.send(MAIL).await())
          .isInstanceOf(SMTPException.class)
          .hasMessageContaining("550");
    }
  }

  /** An SMTP server that is up and reads every mail, and refuses each recipient as unknown. */
  private NetServer refusingEveryRecipient() {
    return vertx.createNetServer()
        .connectHandler(socket -> {
          socket.handler(RecordParser.newDelimited("\r\n", line -> {
            String command = line.toString().toUpperCase();
            if (command.startsWith("RCPT")) {
              socket.write("550 5.1.1 no such mailbox\r\n");
            } else if (command.startsWith("QUIT")) {
              socket.write("221 bye\r\n").onComplete(written -> socket.close());
            } else {
              socket.write("250 OK\r\n");
            }
          }));
          socket.write("220 smtp.test ready\r\n");
        })
        .listen(0, "127.0.0.1").await();
  }

  private static MailSettings smtpAt(int port) {
    return new MailSettings(Optional.of("127.0.0.1"), port, Optional.empty(), Optional.empty(),
        "Running Trainer <no-reply@running-trainer.test>");
  }
}
