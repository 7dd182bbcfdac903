package com.runningtrainer.auth;

import static com.runningtrainer.testsupport.TestAccounts.credentials;
import static com.runningtrainer.testsupport.TestAccounts.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.runningtrainer.common.mail.Mailer;
import java.time.Duration;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** With no SMTP_HOST (a local run), mails are written to the log, so that their links can still be followed. */
class MailLogTest {

  private static final String PASSWORD_TRIED = "another password 42";
  private static final Pattern VERIFY_LINK = Pattern.compile("http://localhost:8000/verify-email\\?token=([A-Za-z0-9_-]+)");

  private static final Captured CAPTURED = new Captured();
  private static Logger mailerLog;
  private static AuthPlatform platform;
  private static Level levelBefore;

  @BeforeAll
  static void start() {
    // Tests log at WARN; the mail is an INFO line. Captured only here, kept off the console.
    mailerLog = logbackLogger(Mailer.class);
    levelBefore = mailerLog.getLevel();
    mailerLog.setLevel(Level.INFO);
    mailerLog.setAdditive(false);
    CAPTURED.start();
    mailerLog.addAppender(CAPTURED);
    platform = AuthPlatform.start(MailLogTest.class);
  }

  @AfterAll
  static void stop() {
    try {
      platform.close();
    } finally {
      mailerLog.detachAppender(CAPTURED);
      mailerLog.setAdditive(true);
      mailerLog.setLevel(levelBefore);
    }
  }

  @Test
  void theVerificationMailIsLoggedWithALinkToTheDefaultPublicBaseUrl() {
    String email = newEmail();

    platform.newUser(email);

    ILoggingEvent logged = awaitLineAbout(email);
    assertThat(logged.getLevel()).isEqualTo(Level.INFO);
    assertThat(VERIFY_LINK.matcher(logged.getFormattedMessage()).find()).as(logged.getFormattedMessage()).isTrue();
  }

  @Test
  void theLoggedLinkWorks() {
    String email = newEmail();
    platform.newUser(email);
    Matcher link = VERIFY_LINK.matcher(awaitLineAbout(email).getFormattedMessage());
    assertThat(link.find()).isTrue();

    assertThat(platform.verifyEmail(link.group(1)).statusCode()).isEqualTo(204);
  }

  @Test
  void theNoticeToTheOwnerOfATakenEmailIsLoggedWithoutThePasswordTriedOrAToken() {
    String email = newEmail();
    platform.newUser(email);

    platform.register(credentials(email, PASSWORD_TRIED));

    ILoggingEvent logged = awaitLineAbout(email, "Someone tried");
    assertThat(logged.getLevel()).isEqualTo(Level.INFO);
    assertThat(logged.getFormattedMessage()).contains("http://localhost:8000/reset-password").doesNotContain("token");
    assertThat(CAPTURED.events).noneMatch(event -> event.getFormattedMessage().contains(PASSWORD_TRIED));
  }

  /** Logback's logger; SLF4J hands out stand-ins while another test class is still initialising it. */
  private static Logger logbackLogger(Class<?> owner) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext) && System.nanoTime() < deadline) {
      pause();
    }
    return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(owner);
  }

  private static ILoggingEvent awaitLineAbout(String email) {
    return awaitLineAbout(email, "");
  }

  private static ILoggingEvent awaitLineAbout(String email, String words) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ILoggingEvent> line = CAPTURED.events.stream()
          .filter(event -> event.getFormattedMessage().contains(email) && event.getFormattedMessage().contains(words))
          .findFirst();
      if (line.isPresent()) {
        return line.get();
      }
      pause();
    }
    throw new AssertionError("no mail to " + email + " with \"" + words + "\" in the log");
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The Mailer's log lines, safe to read while services write them. */
  private static final class Captured extends AppenderBase<ILoggingEvent> {
    final Queue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();

    @Override
    protected void append(ILoggingEvent event) {
      events.add(event);
    }
  }
}
