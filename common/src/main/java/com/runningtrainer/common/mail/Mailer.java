package com.runningtrainer.common.mail;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.runningtrainer.common.breaker.Breakers;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mail through the configured SMTP server, behind the circuit breaker {@code smtp} that
 * every service of the process shares: while the server cannot be reached or does not answer
 * (a refused recipient is not such a failure), sends fail at once (the caller
 * logs it) instead of each waiting for a timeout. With no {@code SMTP_HOST} it writes each mail
 * to the log instead.
 */
public final class Mailer {

  private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);
  private static final int IMPLICIT_TLS_PORT = 465;
  private static final long TIMEOUT_MS = 10_000;

  private final MailClient client;
  private final CircuitBreaker breaker;

  private Mailer(MailClient client, CircuitBreaker breaker) {
    this.client = client;
    this.breaker = breaker;
  }

  public static Mailer create(Vertx vertx, MailSettings settings) {
    if (settings.host().isEmpty()) {
      LOG.info("no SMTP_HOST: mails are written to this log instead of being sent");
      return new Mailer(null, null);
    }
    MailConfig config = new MailConfig()
        .setHostname(settings.host().get())
        .setPort(settings.port())
        .setSsl(settings.port() == IMPLICIT_TLS_PORT)
        .setConnectTimeout((int) TIMEOUT_MS);
    settings.user().ifPresent(user -> config.setUsername(user).setLogin(LoginOption.REQUIRED));
    settings.password().ifPresent(config::setPassword);
    CircuitBreaker breaker = Breakers.shared(vertx, "smtp",
            new CircuitBreakerOptions().setTimeout(TIMEOUT_MS).setMaxFailures(5).setResetTimeout(30_000))
        .failurePolicy(sent -> sent.failed() && !isRefusedMail(sent.cause()));
    return new Mailer(MailClient.create(vertx, config), breaker);
  }

  /** Hands the mail to the SMTP server; fails when it refuses, does not answer, or the breaker is open. */
  public Future<Void> send(Mail mail) {
    if (client == null) {
      // The one deliberate exception to "no token in the log": with no SMTP server configured
      // (a local run), the log is the only place a user can find the link the mail carries.
      LOG.info("mail not sent (no SMTP_HOST) {} {} {}:\n{}", kv("to", mail.to()), kv("subject", mail.subject()),
          kv("attachments", mail.attachments().stream().map(a -> a.name() + " (" + a.content().length() + " bytes)").toList()),
          mail.text());
      return Future.succeededFuture();
    }
    MailMessage message = new MailMessage()
        .setFrom(mail.from())
        .setTo(mail.to())
        .setSubject(mail.subject())
        .setText(mail.text());
    if (!mail.attachments().isEmpty()) {
      message.setAttachment(mail.attachments().stream().map(attachment -> MailAttachment.create()
          .setName(attachment.name())
          .setContentType(attachment.contentType())
          .setDisposition("attachment")
          .setData(attachment.content())).toList());
    }
    return breaker.<Void>execute(() -> client.sendMail(message).mapEmpty());
  }

  /**
   * A permanent (5xx) SMTP reply: the server is up and refused this mail (an unknown recipient,
   * a size), which says nothing of the next one; anyone may register a bad address, so it must
   * not stop everyone's mail. No answer, and a transient (4xx) reply such as 421, do count.
   */
  private static boolean isRefusedMail(Throwable failure) {
    return failure instanceof SMTPException reply && reply.isPermanent();
  }

  public Future<Void> close() {
    return client == null ? Future.succeededFuture() : client.close();
  }
}
