package com.runningtrainer.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputsTest {

  @ParameterizedTest
  @ValueSource(strings = {"0000-01-01", "1899-12-31", "2201-01-01", "9999-12-31"})
  void refusesADateOutsideTheYearsADiaryHolds(String date) {
    assertThatThrownBy(() -> Inputs.date(new JsonObject().put("start_date", date), "start_date"))
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.failureCode()).isEqualTo(400);
          assertThat(e.getMessage()).startsWith("start_date must be a date between 1900-01-01 and 2200-12-31");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"1900-01-01", "2026-06-01", "2200-12-31"})
  void takesADateWithinThem(String date) {
    assertThat(Inputs.date(new JsonObject().put("to", date), "to")).isEqualTo(LocalDate.parse(date));
  }
}
