package com.runningtrainer.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.runningtrainer.common.config.Logging;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The readable format of a terminal: time, level, short logger name, request id when serving one, message. */
class TextLogLineTest {

  // From logback itself: a logger SLF4J hands out while another test class initializes it records
  // its events for later, where no capture sees them.
  private static final Logger LOG = Logging.logger("com.runningtrainer.trainer.TrainerVerticle");

  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void aLineWrittenWhileServingARequestNamesIt() {
    try (LogCapture text = LogCapture.of(LOG.getName(), LogFormat.TEXT)) {
      ContextInternal request = ((ContextInternal) vertx.getOrCreateContext()).duplicate();
      Future.<Void>future(done -> request.runOnContext(nothing -> {
        RequestScope.enter("abc");
        LOG.warn("plan 7 not found");
        done.complete();
      })).await();

      assertThat(text.lines()).singleElement().asString()
          .matches("\\d{2}:\\d{2}:\\d{2}\\.\\d{3} WARN  c\\.r\\.trainer\\.TrainerVerticle \\[req abc] plan 7 not found");
    }
  }

  @Test
  void aLineWrittenOutsideAnyRequestHasNoRequestPart() {
    try (LogCapture text = LogCapture.of(LOG.getName(), LogFormat.TEXT)) {
      LOG.info("started");

      assertThat(text.lines()).singleElement().asString()
          .matches("\\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO  c\\.r\\.trainer\\.TrainerVerticle started");
    }
  }
}
