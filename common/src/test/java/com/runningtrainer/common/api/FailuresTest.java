package com.runningtrainer.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import org.junit.jupiter.api.Test;

/** An absent row becomes the same 404, naming what was looked for, wherever it is met. */
class FailuresTest {

  @Test
  void aRowFoundIsPassedOn() {
    JsonObject plan = new JsonObject().put("id", "p1");

    assertThat(Failures.orNotFound(plan, "plan")).isSameAs(plan);
  }

  @Test
  void noRowIsA404NamingWhatWasLookedFor() {
    assertThatThrownBy(() -> Failures.orNotFound(null, "plan"))
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.failureCode()).isEqualTo(404);
          assertThat(e.getMessage()).isEqualTo("plan not found");
        });
  }

  @Test
  void aStatementThatChangedItsRowAnswersNothing() {
    assertThat(Failures.doneOrNotFound(true, "session")).isNull();
  }

  @Test
  void aStatementThatChangedNoRowIsA404() {
    Boolean ended = false;

    assertThatThrownBy(() -> Failures.doneOrNotFound(ended, "session"))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.failureCode()).isEqualTo(404));
  }
}
