package com.runningtrainer.auth;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.runningtrainer.testsupport.TestPorts;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The mail a real SMTP server (GreenMail, in this JVM) received for a test class, read as a
 * user reads it: by recipient, with the link in it. Mail goes out after auth has answered, so
 * reading waits for it. Register it with {@code @RegisterExtension} on a static field: the
 * server runs for the whole class, before its {@code @BeforeAll} starts auth.
 */
final class Inbox implements BeforeAllCallback, AfterAllCallback {

  static final String FROM = "Running Trainer <no-reply@running-trainer.test>";
  static final String PUBLIC_BASE_URL = "https://app.running-trainer.test";
  static final String VERIFY_PAGE = "/verify-email";
  static final String RESET_PAGE = "/reset-password";
  static final String CONFIRM_EMAIL_PAGE = "/confirm-email";
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final Pattern LINK = Pattern.compile("https?://\\S+");
  private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_-]+)");

  private final GreenMailExtension server;
  private final int port;

  private Inbox(GreenMailExtension server, int port) {
    this.server = server;
    this.port = port;
  }

  /** An SMTP server on a free port. */
  static Inbox onFreePort() {
    int port = TestPorts.free();
    GreenMailExtension server = new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
        .withPerMethodLifecycle(false);
    return new Inbox(server, port);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server.beforeAll(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.afterAll(context);
  }

  /** The settings that point auth at this server, with links to {@link #PUBLIC_BASE_URL}. */
  Map<String, String> settings() {
    return Map.of(
        "SMTP_HOST", "127.0.0.1",
        "SMTP_PORT", String.valueOf(port),
        "SMTP_FROM", FROM,
        "PUBLIC_BASE_URL", PUBLIC_BASE_URL);
  }

  /**
   * Waits until {@code count} mails to the address with a link to the page have arrived; all of
   * them, in the order they came. Mails of different kinds may overtake each other, so tests
   * tell them apart by their page, not by their order.
   */
  List<Received> awaitMails(String address, String page, int count) {
    return awaitMails(address, mail -> mail.link().startsWith(PUBLIC_BASE_URL + page + "?"), "linking to " + page, count);
  }

  /** Waits for the first mail to the address whose subject contains these words. */
  Received awaitMailAbout(String address, String subjectWords) {
    return awaitMails(address, mail -> mail.subject().contains(subjectWords), "about " + subjectWords, 1).get(0);
  }

  private List<Received> awaitMails(String address, Predicate<Received> kind, String described, int count) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    List<Received> received = mailsTo(address, kind);
    while (received.size() < count && System.nanoTime() < deadline) {
      sleep();
      received = mailsTo(address, kind);
    }
    if (received.size() < count) {
      throw new AssertionError("expected " + count + " mail(s) to " + address + " " + described + " within "
          + PATIENCE + ", got " + received.size());
    }
    return received;
  }

  /** Waits for the first mail to the address with a link to the page. */
  Received awaitMail(String address, String page) {
    return awaitMails(address, page, 1).get(0);
  }

  /** Every mail to the address that has arrived so far. */
  List<Received> mailsTo(String address) {
    List<Received> received = new ArrayList<>();
    for (MimeMessage message : server.getReceivedMessages()) {
      Received mail = Received.of(message);
      if (mail.to().contains(address)) {
        received.add(mail);
      }
    }
    return received;
  }

  private List<Received> mailsTo(String address, Predicate<Received> kind) {
    return mailsTo(address).stream().filter(kind).toList();
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One mail as its reader sees it. */
  record Received(String from, List<String> to, String subject, String text) {

    static Received of(MimeMessage message) {
      try {
        return new Received(
            message.getFrom()[0].toString(),
            Arrays.stream(message.getAllRecipients()).map(Address::toString).toList(),
            message.getSubject(),
            String.valueOf(message.getContent()));
      } catch (MessagingException | IOException e) {
        throw new IllegalStateException("unreadable mail", e);
      }
    }

    /** The one link in the mail. */
    String link() {
      Matcher links = LINK.matcher(text);
      if (!links.find()) {
        throw new AssertionError("no link in the mail: " + text);
      }
      String link = links.group();
      if (links.find()) {
        throw new AssertionError("more than one link in the mail: " + text);
      }
      return link;
    }

    /** The token in the query of the mail's link. */
    String token() {
      Matcher token = TOKEN.matcher(link());
      if (!token.find()) {
        throw new AssertionError("no token in the link " + link());
      }
      return token.group(1);
    }
  }
}
